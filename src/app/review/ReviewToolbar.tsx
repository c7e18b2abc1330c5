import type { MouseEvent, ReactNode } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import type { RunResult } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { useApp } from '../store';
import { writeReviewUrl, type ComparePair } from '../url';
import { isPlainClick, ModeLink } from '../modeLinks';
import { Disclosure } from './Disclosure';
import { Downloads } from './Downloads';
import { enterPresentation } from './presentation';

export const COMPARE_LINKS: { pair: ComparePair; text: string }[] = [
  { pair: ['10.1.4.x.2', '10.1.4.3.3'], text: 'Compare the draft with 10.1.4.3.3' },
  { pair: ['10.1.4.3.2', '10.1.4.3.3'], text: 'Compare 10.1.4.3.2 with 10.1.4.3.3' },
];

export function enterQuiz(): void {
  const s = useApp.getState();
  s.setPlaying(false);
  s.goTo(0);
  s.setMode('quiz');
}

/** A link to a comparison: a real address (it opens in a new tab), followed in place on a plain click. */
function CompareLink({ pair, children }: { pair: ComparePair; children: ReactNode }) {
  const setCompare = useApp((s) => s.setCompare);
  const href = writeReviewUrl(window.location.search, { mode: 'player', compare: pair }) || '?';
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    useApp.getState().setPlaying(false);
    setCompare(pair);
  };
  return (
    <a className="review-link" href={href} onClick={onClick}>
      {children}
    </a>
  );
}

/**
 * The ways into the review views (quiz, presentation, comparison) and the downloads of the current run; on a narrow
 * screen behind one **Review tools** button (the diagram stays on the first screen).
 */
export function ReviewToolbar({
  run,
  scenario,
  procedure,
}: {
  run: RunResult;
  scenario: Scenario;
  procedure: ProcedureId;
}) {
  return (
    <Disclosure label="Review tools" className="review-toolbar">
      <div className="review-modes" role="group" aria-label="Review">
        <button type="button" className="btn" onClick={enterQuiz}>
          Quiz mode
        </button>
        <button type="button" className="btn" onClick={enterPresentation}>
          Presentation mode
        </button>
        {COMPARE_LINKS.map(({ pair, text }) => (
          <CompareLink key={text} pair={pair}>
            {text}
          </CompareLink>
        ))}
        <ModeLink mode="explore">Explore: where each procedure delivers or refuses</ModeLink>
        <ModeLink mode="check">Check: the properties of every run</ModeLink>
      </div>
      <Downloads run={run} scenario={scenario} procedure={procedure} />
    </Disclosure>
  );
}
