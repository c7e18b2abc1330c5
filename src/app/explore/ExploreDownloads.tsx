import { useState, type RefObject } from 'react';
import { toSweepCsv } from '../../core/explore/sweep';
import { download } from '../download';
import { errorLine } from '../notice';
import { embeddedFontCss } from '../review/fonts';
import { svgToPng } from '../review/svgExport';
import { useApp } from '../store';
import { fieldName } from './fields';
import { composeMaps, mapSvgOf, mapsSvgText } from './mapExport';
import type { SweepState } from './useSweep';

type Kind = 'SVG' | 'PNG' | 'CSV';

/** The file name's stem: the varied fields' last names (`explore-maxPriority-minPriority`). */
export const fileStem = (paths: readonly string[]) =>
  ['explore', ...paths.map(fieldName)].join('-').replace(/[^\w.-]+/g, '_');

/** Download SVG, Download PNG (the maps and the legend), Download cells (CSV) (the CLI's `--format csv`). */
export function ExploreDownloads({
  state,
  maps,
}: {
  state: SweepState;
  maps: RefObject<HTMLDivElement | null>;
}) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const complete = state.status === 'done';
  const stem = fileStem(state.vary.map((v) => v.path));

  const attempt = async (kind: Kind, job: () => Promise<void> | void) => {
    if (busy) return;
    if (!complete) {
      useApp.getState().notify(`The ${kind} is made once the sweep has finished.`, { tone: 'info' });
      return;
    }
    setBusy(kind);
    try {
      await job();
    } catch (error) {
      useApp.getState().notify(`The ${kind} could not be made: ${errorLine(error)}.`);
    } finally {
      setBusy(null);
    }
  };

  const composed = () => {
    const grids = [...(maps.current?.querySelectorAll<HTMLElement>('.explore-grid') ?? [])];
    if (!grids.length) throw new Error('no map is drawn');
    const style = getComputedStyle(document.documentElement);
    return composeMaps(
      grids.map((grid) => ({ title: `Outcome map: ${grid.dataset.procedure ?? ''}`, svg: mapSvgOf(grid) })),
      { fg: style.color || '#1a1f2b', bg: style.backgroundColor || '#ffffff' },
    );
  };

  const onSvg = () =>
    void attempt('SVG', async () => {
      const { svg } = composed();
      const text = mapsSvgText(svg, await embeddedFontCss());
      download(`${stem}.svg`, new Blob([text], { type: 'image/svg+xml' }));
    });
  const onPng = () =>
    void attempt('PNG', async () => {
      const { svg, size } = composed();
      const text = mapsSvgText(svg, await embeddedFontCss());
      download(`${stem}.png`, await svgToPng(text, size, { scale: 2 }));
    });
  const onCsv = () =>
    void attempt('CSV', () => {
      const cells = state.procedures.flatMap((p) => (state.rows[p] ?? []).flat());
      const text = toSweepCsv({ vary: [...state.vary], procedures: [...state.procedures], cells });
      download(`${stem}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
    });

  const disabled = busy !== null || !complete;
  return (
    <div className="explore-downloads" role="group" aria-label="Downloads">
      <button type="button" className="btn" onClick={onSvg} aria-disabled={disabled}>
        Download SVG
      </button>
      <button type="button" className="btn" onClick={onPng} aria-disabled={disabled}>
        Download PNG
      </button>
      <button type="button" className="btn" onClick={onCsv} aria-disabled={disabled}>
        Download cells (CSV)
      </button>
    </div>
  );
}
