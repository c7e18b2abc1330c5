import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import type { ProcedureId } from '../../core/model/ids';
import type { SweepCell, Vary } from '../../core/explore/sweep';
import { cellName, KINDS, kindOf, shade, type Layer } from './cells';
import { axisTitle, tickText } from './fields';
import { mix, readableInk } from './colour';
import type { MapRows } from './useSweep';

export interface Geometry {
  cell: number;
  left: number;
  top: number;
  width: number;
  height: number;
  rows: number;
  columns: number;
}

/** About 0.56 em a character for a tick (11 units). */
const tickLength = (text: string) => text.length * 11 * 0.56;

/**
 * The map's drawing size: cells of 14 to 32 units, room for the row labels on the left and the columns on top. The
 * rows' ticks end 6 units before the cells and must start clear of the rotated title beside them (up to x = 22).
 */
export function geometryOf(rows: number, columns: number, rowTitleOnTop = false, rowTicks = 0): Geometry {
  const most = Math.max(rows, columns);
  const cell = most <= 12 ? 32 : most <= 24 ? 24 : most <= 40 ? 18 : 14;
  const left = Math.max(64, Math.ceil(22 + rowTicks + 6));
  // A second line of titles, for the rows' field, when it is longer than the rows are tall.
  const top = rowTitleOnTop ? 62 : 44;
  return { cell, left, top, width: left + columns * cell + 8, height: top + rows * cell + 8, rows, columns };
}

/** About 0.56 em a character for an axis title (13 units, bold). */
const titleLength = (text: string) => text.length * 13 * 0.56;

/** The rows' title, beside them (rotated) or, too long for that, on a line of its own above the map. */
const rowTitleOf = (vary: readonly Vary[]) =>
  vary.length > 1 && vary[0] ? `${axisTitle(vary[0].path)} ↓` : '';

/** Every how many values a tick label is written (all of them while they fit). */
const tickEvery = (count: number, cell: number) => Math.max(1, Math.ceil(20 / cell) * (count > 32 ? 2 : 1));

interface RowProps {
  row: number;
  cells: readonly SweepCell[];
  paths: readonly string[];
  geometry: Geometry;
  /** The column of the map's one tab stop when it is in this row, else -1. */
  focusColumn: number;
  layer: Layer;
  range: { low: number; high: number };
}

/** Text runs of a row: one <text> per ink and size, each glyph placed at its cell (SVG's list of x positions). */
interface Run {
  ink: string;
  size: number;
  text: string;
  xs: number[];
}

/**
 * One row of cells: a button per cell (rect) and the marks or layer values, drawn as a few text runs rather than a
 * text per cell (4,096 cells stay a few hundred elements of text). Redrawn only when its props change.
 */
const Row = memo(function Row({ row, cells, paths, geometry, focusColumn, layer, range }: RowProps) {
  const { cell: size, left, top, columns } = geometry;
  const y = top + row * size;
  const rects = [];
  const runs = new Map<string, Run>();
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const kind = KINDS[kindOf(cell)];
    const value = cell.outcome === 'delivered' ? layer.value(cell) : null;
    let fill = kind.fill;
    let ink = kind.ink;
    let mark = kind.mark;
    if (value !== null) {
      fill = mix('#ffffff', KINDS.delivered.fill, shade(value, range.low, range.high));
      ink = readableInk(fill);
      mark = String(value);
    }
    const x = left + c * size;
    rects.push(
      <rect
        key={c}
        className="explore-cell"
        role="button"
        aria-label={cellName(paths, cell)}
        tabIndex={c === focusColumn ? 0 : -1}
        data-i={row * columns + c}
        x={x + 0.5}
        y={y + 0.5}
        width={size - 1}
        height={size - 1}
        fill={fill}
      />,
    );
    const glyphs = [...mark];
    const fontSize = glyphs.length > 2 ? size * 0.36 : glyphs.length > 1 ? size * 0.45 : size * 0.55;
    const key = `${ink} ${fontSize}`;
    let run = runs.get(key);
    if (!run) runs.set(key, (run = { ink, size: fontSize, text: '', xs: [] }));
    // Digits are about 0.6 em wide: a value's glyphs side by side, centred on the cell.
    const step = fontSize * 0.6;
    glyphs.forEach((glyph, i) => {
      run.text += glyph;
      run.xs.push(x + size / 2 + (i - (glyphs.length - 1) / 2) * step);
    });
  }
  return (
    <g className="explore-row">
      {rects}
      {[...runs.values()].map((run) => (
        <text
          key={`${run.ink} ${run.size}`}
          className="explore-mark"
          aria-hidden="true"
          x={run.xs.map((v) => v.toFixed(1)).join(' ')}
          y={y + size / 2}
          fill={run.ink}
          fontSize={run.size}
          textAnchor="middle"
          dominantBaseline="central"
        >
          {run.text}
        </text>
      ))}
    </g>
  );
});

interface AxesProps {
  vary: readonly Vary[];
  geometry: Geometry;
}

/** The field names and their values along the top (columns) and the left (rows). */
const Axes = memo(function Axes({ vary, geometry }: AxesProps) {
  const { cell, left, top, rows, columns } = geometry;
  const [rowField, columnField] = vary.length > 1 ? [vary[0], vary[1]] : [undefined, vary[0]];
  const every = tickEvery(columns, cell);
  const everyRow = tickEvery(rows, cell);
  const rowTitle = rowTitleOf(vary);
  const onTop = top > 44;
  return (
    <g className="explore-axes" aria-hidden="true" fill="currentColor">
      {columnField && (
        <>
          <text x={left} y={14} className="explore-axis-title" fontSize={13} fontWeight={600}>
            {axisTitle(columnField.path)} →
          </text>
          {columnField.values.map((v, c) =>
            c % every === 0 ? (
              <text
                key={c}
                x={left + c * cell + cell / 2}
                y={top - 8}
                className="explore-tick"
                fontSize={11}
                textAnchor="middle"
              >
                {tickText(columnField.path, v)}
              </text>
            ) : null,
          )}
        </>
      )}
      {rowField && (
        <>
          {onTop ? (
            <text x={4} y={32} className="explore-axis-title" fontSize={13} fontWeight={600}>
              {rowTitle}
            </text>
          ) : (
            <text
              transform={`translate(16 ${top + (rows * cell) / 2}) rotate(-90)`}
              className="explore-axis-title"
              fontSize={13}
              fontWeight={600}
              textAnchor="middle"
            >
              {rowTitle}
            </text>
          )}
          {rowField.values.map((v, r) =>
            r % everyRow === 0 ? (
              <text
                key={r}
                x={left - 6}
                y={top + r * cell + cell / 2}
                className="explore-tick"
                fontSize={11}
                textAnchor="end"
                dominantBaseline="central"
              >
                {tickText(rowField.path, v)}
              </text>
            ) : null,
          )}
        </>
      )}
    </g>
  );
});

export interface OutcomeMapProps {
  procedure: ProcedureId;
  vary: readonly Vary[];
  rows: MapRows;
  columns: number;
  rowCount: number;
  layer: Layer;
  /** The cell pointed at or focused, and its element (the details are shown beside it); null: none. */
  onDetail: (procedure: ProcedureId, cell: SweepCell | null, anchor: Element | null) => void;
  onOpen: (cell: SweepCell) => void;
}

const indexOf = (target: EventTarget | null): number | null => {
  if (!(target instanceof Element)) return null;
  const at = target.closest('[data-i]')?.getAttribute('data-i');
  return at === null || at === undefined ? null : Number(at);
};

/**
 * One procedure's outcome map (CONTRACT.md §8): a figure named "Outcome map: <id>", a button per cell, one tab stop
 * (roving tabindex): the arrow keys move, Home and End go to the row's ends (with Ctrl, the map's), Enter and Space
 * open the cell in the player. Hover or focus shows the cell's details (`onDetail`).
 */
export const OutcomeMap = memo(function OutcomeMap(props: OutcomeMapProps) {
  const { procedure, vary, rows, columns, rowCount, layer, onDetail, onOpen } = props;
  const geometry = useMemo(() => {
    // Rotated beside the rows, the rows' title must not run past the map (into the next map's title).
    const rowField = vary.length > 1 ? vary[0] : undefined;
    const ticks = Math.max(
      0,
      ...(rowField?.values ?? []).map((v) => tickLength(tickText(rowField!.path, v))),
    );
    const plain = geometryOf(rowCount, columns, false, ticks);
    return titleLength(rowTitleOf(vary)) > plain.height - 8
      ? geometryOf(rowCount, columns, true, ticks)
      : plain;
  }, [rowCount, columns, vary]);
  const paths = useMemo(() => vary.map((v) => v.path), [vary]);
  const [focus, setFocus] = useState(0);
  const moved = useRef(false);
  const grid = useRef<HTMLDivElement>(null);

  const cellAt = useCallback(
    (i: number): SweepCell | undefined => rows[Math.floor(i / columns)]?.[i % columns],
    [rows, columns],
  );

  // The focused cell moved by a key: focus it once it is drawn.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const target = grid.current?.querySelector<SVGRectElement>(`[data-i="${focus}"]`);
    target?.focus();
  }, [focus]);

  const range = useMemo(() => rangeOf(rows, layer), [rows, layer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = indexOf(event.target);
    if (at === null) return;
    const r = Math.floor(at / columns);
    const c = at % columns;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = c + 1 < columns ? at + 1 : at;
        break;
      case 'ArrowLeft':
        next = c > 0 ? at - 1 : at;
        break;
      case 'ArrowDown':
        next = r + 1 < rowCount ? at + columns : at;
        break;
      case 'ArrowUp':
        next = r > 0 ? at - columns : at;
        break;
      case 'Home':
        next = event.ctrlKey ? 0 : r * columns;
        break;
      case 'End':
        next = event.ctrlKey ? rowCount * columns - 1 : r * columns + columns - 1;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const cell = cellAt(at);
        if (cell) onOpen(cell);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (next !== at && cellAt(next)) {
      moved.current = true;
      setFocus(next);
      // The cell's element is there already (only its tab stop moves); focusing it gives its details.
      onDetail(procedure, cellAt(next) ?? null, grid.current?.querySelector(`[data-i="${next}"]`) ?? null);
    }
  };

  const onPick = (event: SyntheticEvent) => {
    const at = indexOf(event.target);
    if (at === null) return;
    const cell = cellAt(at);
    if (cell) onOpen(cell);
  };
  const onOver = (event: SyntheticEvent) => {
    const at = indexOf(event.target);
    const target = event.target instanceof Element ? event.target.closest('[data-i]') : null;
    onDetail(procedure, at === null ? null : (cellAt(at) ?? null), target);
  };
  const onFocus = (event: SyntheticEvent) => {
    const at = indexOf(event.target);
    if (at === null) return;
    if (at !== focus) setFocus(at);
    const target = event.target instanceof Element ? event.target.closest('[data-i]') : null;
    onDetail(procedure, cellAt(at) ?? null, target);
  };

  // Until the focused cell is drawn, the first drawn one is the tab stop.
  const stop = cellAt(focus) ? focus : 0;
  const focusRow = Math.floor(stop / columns);
  const blocks = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const rowItems = [];
    const to = Math.min(rowCount, from + BLOCK_ROWS);
    for (let r = from; r < Math.min(to, rows.length); r++) {
      const cells = rows[r];
      if (!cells) continue;
      rowItems.push(
        <Row
          key={r}
          row={r}
          cells={cells}
          paths={paths}
          geometry={geometry}
          focusColumn={r === focusRow ? stop % columns : -1}
          layer={layer}
          range={range}
        />,
      );
    }
    if (!rowItems.length) continue;
    // The block's part of the map's drawing (its own viewBox), placed over it in percentages: it scales with it.
    const y0 = from === 0 ? 0 : geometry.top + from * geometry.cell;
    const y1 = to >= rowCount ? geometry.height : geometry.top + to * geometry.cell;
    blocks.push(
      <svg
        key={from}
        className="explore-block"
        role="none"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 ${y0} ${geometry.width} ${y1 - y0}`}
        preserveAspectRatio="none"
        style={{ top: `${(100 * y0) / geometry.height}%`, height: `${(100 * (y1 - y0)) / geometry.height}%` }}
      >
        {rowItems}
      </svg>,
    );
  }

  return (
    <figure className="explore-map">
      <figcaption>Outcome map: {procedure}</figcaption>
      <div
        ref={grid}
        className="explore-grid"
        role="group"
        aria-label={`Cells of ${procedure}`}
        data-procedure={procedure}
        data-width={geometry.width}
        data-height={geometry.height}
        style={{ width: geometry.width, aspectRatio: `${geometry.width} / ${geometry.height}` }}
        onKeyDown={onKeyDown}
        onClick={onPick}
        onPointerOver={onOver}
        onPointerLeave={() => onDetail(procedure, null, null)}
        onFocus={onFocus}
      >
        <svg
          className="explore-svg"
          aria-hidden="true"
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          width={geometry.width}
          height={geometry.height}
        >
          <Axes vary={vary} geometry={geometry} />
        </svg>
        {blocks}
      </div>
    </figure>
  );
});

/**
 * Rows per block: each block of rows is an <svg> of its own, laid out and painted apart (CSS containment), so that a
 * frame that draws new rows styles, lays out and paints those, not the whole map again.
 */
export const BLOCK_ROWS = 8;

const NO_RANGE = { low: 0, high: 0 };

/** The lowest and highest value of the layer over the delivered cells drawn so far. */
function rangeOf(rows: MapRows, layer: Layer): { low: number; high: number } {
  if (layer.id === 'outcome') return NO_RANGE;
  let low = Infinity;
  let high = -Infinity;
  for (const row of rows) {
    for (const cell of row) {
      if (!cell || cell.outcome !== 'delivered') continue;
      const v = layer.value(cell);
      if (v === null) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  return low <= high ? { low, high } : NO_RANGE;
}
