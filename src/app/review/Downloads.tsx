import { useId, useRef, useState, type ReactNode } from 'react';
import { ENTITIES, type EntityId, type ProcedureId } from '../../core/model/ids';
import { defaultSut, participantsOf } from '../../core/formats/testcase';
import type { RunResult } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { useApp } from '../store';
import { download } from '../download';
import { fileNames, plantUmlText, testCaseText, traceText, walkthroughText } from './downloads';
import { embeddedFontCss } from './fonts';
import { standaloneSvg, svgSize, svgToPng } from './svgExport';

type Kind = 'svg' | 'png' | 'PlantUML' | 'trace' | 'walkthrough' | 'test case';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Download SVG, Download PNG, Download diagram (PlantUML), Download trace (JSON), Download walkthrough (Markdown) and
 * Download test case (Markdown) with its system under test: of the player's run.
 */
export function Downloads({
  run,
  scenario,
  procedure,
}: {
  run: RunResult;
  scenario: Scenario;
  procedure: ProcedureId;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<Kind | null>(null);
  const sutId = useId();
  const participants = participantsOf(procedure);
  const [chosenSut, setSut] = useState<EntityId>(defaultSut(procedure));
  // Another procedure may not involve the entity chosen before: then its default SUT.
  const sut = participants.includes(chosenSut) ? chosenSut : defaultSut(procedure);
  const names = fileNames(procedure, sut);

  /** The diagram the player drew, found from here (the player holds one). */
  const drawn = (): SVGSVGElement | null => {
    const svg = ref.current?.closest('.player')?.querySelector('.sequence-svg svg');
    return svg instanceof SVGSVGElement ? svg : null;
  };

  /** Runs a download; a failure is a notice (so the promise never rejects, and the buttons void it). */
  const attempt = async (kind: Kind, job: () => Promise<void> | void) => {
    if (busy) return;
    setBusy(kind);
    try {
      await job();
    } catch (error) {
      useApp
        .getState()
        .notify(`The ${kind === 'png' ? 'PNG' : kind} could not be made: ${messageOf(error)}.`);
    } finally {
      setBusy(null);
    }
  };

  const svgText = async () => {
    const svg = drawn();
    if (!svg) throw new Error('the diagram is not drawn yet');
    return { text: standaloneSvg(svg, { fontCss: await embeddedFontCss() }), size: svgSize(svg) };
  };

  const onSvg = () =>
    void attempt('svg', async () => {
      const { text } = await svgText();
      download(names.svg, new Blob([text], { type: 'image/svg+xml' }));
    });
  const onPng = () =>
    void attempt('png', async () => {
      const { text, size } = await svgText();
      if (!size) throw new Error('the diagram has no size');
      const background = getComputedStyle(document.documentElement).backgroundColor || '#ffffff';
      download(names.png, await svgToPng(text, size, { scale: 2, background }));
    });
  const onPlantUml = () =>
    void attempt('PlantUML', () =>
      download(names.plantuml, new Blob([plantUmlText(run, scenario)], { type: 'text/plain;charset=utf-8' })),
    );
  const onTestCase = () =>
    void attempt('test case', () =>
      download(
        names.testCase,
        new Blob([testCaseText(run, scenario, sut)], { type: 'text/markdown;charset=utf-8' }),
      ),
    );
  const onTrace = () =>
    void attempt('trace', () =>
      download(names.trace, new Blob([traceText(run)], { type: 'application/json' })),
    );
  const onWalkthrough = () =>
    void attempt('walkthrough', () => {
      const notes = useApp.getState().notes[procedure];
      const text = walkthroughText(run, scenario, notes);
      download(names.walkthrough, new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    });

  // One row beside the editor at 1280 px, so that the diagram's box starts in the upper half of the screen: each
  // button shows its format, after one "Download", and is named in full (the name holds the visible words).
  return (
    <div ref={ref} className="review-downloads" role="group" aria-label="Downloads">
      <span className="review-downloads-label" aria-hidden="true">
        Download
      </span>
      <DownloadButton name="Download SVG" busy={busy} onClick={onSvg}>
        SVG
      </DownloadButton>
      <DownloadButton name="Download PNG" busy={busy} onClick={onPng}>
        PNG
      </DownloadButton>
      <DownloadButton name="Download diagram (PlantUML)" busy={busy} onClick={onPlantUml}>
        PlantUML
      </DownloadButton>
      <DownloadButton name="Download trace (JSON)" busy={busy} onClick={onTrace}>
        Trace (JSON)
      </DownloadButton>
      <DownloadButton name="Download walkthrough (Markdown)" busy={busy} onClick={onWalkthrough}>
        Walkthrough
      </DownloadButton>
      <span className="review-testcase">
        <DownloadButton name="Download test case (Markdown)" busy={busy} onClick={onTestCase}>
          Test case
        </DownloadButton>
        <label htmlFor={sutId}>
          <abbr title="System under test">SUT</abbr>
        </label>
        <select
          id={sutId}
          aria-label="System under test"
          value={sut}
          onChange={(e) => {
            const picked = participants.find((id) => id === e.target.value);
            if (picked) setSut(picked);
          }}
        >
          {participants.map((id) => (
            <option key={id} value={id} title={ENTITIES[id].title}>
              {id}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

/** One download: its format shown, named in full (the name holds the visible words); aria-disabled while one runs. */
function DownloadButton({
  name,
  busy,
  onClick,
  children,
}: {
  name: string;
  busy: Kind | null;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="btn" onClick={onClick} aria-disabled={busy !== null} aria-label={name}>
      {children}
    </button>
  );
}
