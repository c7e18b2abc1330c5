/**
 * A view that throws shows what went wrong and ways back, in place of the view, never a blank page. One
 * boundary around each view (player, editor, quiz, comparison, presentation) and one around the whole page.
 */
import { Component, type ReactNode } from 'react';
import type { Scenario } from '../core/model/scenario';
import { download } from './download';
import { replaceScenario, undo } from './editor/actions';
import { exportName, exportText } from './editor/file';
import { errorLine } from './notice';
import { DEFAULT_PROCEDURE, DEFAULT_SCENARIO, useApp } from './store';

interface Props {
  /** The view, as the message names it: "player", "scenario editor", … */
  view: string;
  children: ReactNode;
}

interface State {
  error: string | null;
  /** The scenario on screen when the view failed: the input to take away. */
  input: Scenario | null;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, input: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: errorLine(error), input: useApp.getState().scenario };
  }

  private retry = (): void => this.setState({ error: null, input: null });

  override render() {
    const { error, input } = this.state;
    if (error === null) return this.props.children;
    return <Failure view={this.props.view} error={error} input={input} onDone={this.retry} />;
  }
}

function Failure({
  view,
  error,
  input,
  onDone,
}: {
  view: string;
  error: string;
  input: Scenario | null;
  onDone: () => void;
}) {
  const canGoBack = useApp((s) => s.past.length > 0);
  return (
    <div role="alert" className="app-view-failure">
      <p>
        The {view} could not be shown: {error}
      </p>
      <div className="app-view-failure-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            replaceScenario(structuredClone(DEFAULT_SCENARIO), DEFAULT_PROCEDURE, 0);
            onDone();
          }}
        >
          Load the default scenario
        </button>
        {canGoBack && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              undo();
              onDone();
            }}
          >
            Go back to the previous scenario
          </button>
        )}
        {input && (
          <button
            type="button"
            className="btn"
            onClick={() => download(exportName(input), exportText(input))}
          >
            Download the input that failed
          </button>
        )}
      </div>
    </div>
  );
}
