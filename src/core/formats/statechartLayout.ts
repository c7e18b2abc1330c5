/**
 * A statechart laid out top to bottom, small enough to sit beside the sequence diagram: a layered layout of the few
 * states a machine has (ranks by longest path from the initial state, cycles broken where the depth-first walk
 * meets them, edges spanning several ranks routed through points of their own, a few barycentre sweeps to order
 * each rank). Pure arithmetic on the chart: the names are set in a monospace font, so their widths are known here.
 * One drawn edge per pair of states (its transitions are listed by key); a transition with no target, or back to its
 * own state, is a loop on the state's right.
 */
import type { Statechart } from '../engine/statecharts';

export interface LaidState {
  id: string;
  name: string;
  initial: boolean;
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  /** `source->target`. */
  id: string;
  source: string;
  target: string;
  /** The keys of the transitions it stands for (statecharts.ts). */
  keys: string[];
  /** SVG path data of the line, and of its arrowhead (a closed triangle at the target). */
  path: string;
  head: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  states: LaidState[];
  edges: LaidEdge[];
  /** The start marker: a dot above the initial state and the line into it. */
  start: { cx: number; cy: number; path: string; head: string } | null;
}

export const LAYOUT = {
  /** The names' font size; the page sets them in IBM Plex Mono, whose advance is 0.6 em. */
  fontSize: 12,
  charWidth: 7.2,
  padX: 10,
  stateHeight: 26,
  rankGap: 30,
  stateGap: 18,
  /** The width a lane of an edge through a rank takes. */
  laneWidth: 10,
  loop: 22,
  margin: 8,
  startGap: 20,
} as const;

interface Slot {
  id: string;
  /** A state, or a point an edge passes through. */
  state: boolean;
  width: number;
  rank: number;
  x: number;
}

interface Route {
  source: string;
  target: string;
  keys: string[];
  /** From source to target, the slots between them. */
  via: string[];
}

const round = (n: number) => Math.round(n * 10) / 10;

function arrowHead(tip: { x: number; y: number }, from: { x: number; y: number }): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const size = 7;
  const half = 3.5;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  return `M${round(tip.x)},${round(tip.y)} L${round(bx - uy * half)},${round(by + ux * half)} L${round(bx + uy * half)},${round(by - ux * half)} Z`;
}

export function layoutStatechart(chart: Statechart): ChartLayout {
  const L = LAYOUT;
  const ids = chart.states.map((s) => s.id);
  const known = new Set(ids);

  // Drawn edges: one per ordered pair of distinct states; loops apart.
  const pairs = new Map<string, { source: string; target: string; keys: string[] }>();
  const loops = new Map<string, string[]>();
  for (const t of chart.transitions) {
    if (!known.has(t.source) || !known.has(t.target)) continue;
    if (t.source === t.target) {
      loops.set(t.source, [...(loops.get(t.source) ?? []), t.key]);
      continue;
    }
    const id = `${t.source}->${t.target}`;
    const pair = pairs.get(id);
    if (pair) pair.keys.push(t.key);
    else pairs.set(id, { source: t.source, target: t.target, keys: [t.key] });
  }
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const p of pairs.values()) out.get(p.source)?.push(p.target);

  // Cycles broken where a depth-first walk from the initial state (then from any state not reached) meets them.
  const back = new Set<string>();
  const seen = new Set<string>();
  const onStack = new Set<string>();
  const walk = (id: string) => {
    seen.add(id);
    onStack.add(id);
    for (const next of out.get(id) ?? []) {
      if (onStack.has(next)) back.add(`${id}->${next}`);
      else if (!seen.has(next)) walk(next);
    }
    onStack.delete(id);
  };
  const roots = [chart.initial, ...ids].filter((id) => known.has(id));
  for (const id of roots) if (!seen.has(id)) walk(id);

  // Ranks: the longest path over the forward edges.
  const down = (p: { source: string; target: string }) =>
    back.has(`${p.source}->${p.target}`)
      ? { from: p.target, to: p.source }
      : { from: p.source, to: p.target };
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  for (let pass = 0; pass < ids.length; pass += 1) {
    let changed = false;
    for (const p of pairs.values()) {
      const { from, to } = down(p);
      const r = (rank.get(from) ?? 0) + 1;
      if (r > (rank.get(to) ?? 0)) {
        rank.set(to, r);
        changed = true;
      }
    }
    if (!changed) break;
  }

  // Slots: the states, and a point per rank crossed for each edge spanning more than one.
  const slots = new Map<string, Slot>();
  for (const s of chart.states) {
    const loop = loops.has(s.id) ? L.loop : 0;
    slots.set(s.id, {
      id: s.id,
      state: true,
      width: s.name.length * L.charWidth + 2 * L.padX + loop,
      rank: rank.get(s.id) ?? 0,
      x: 0,
    });
  }
  const routes: Route[] = [];
  const links: { from: string; to: string }[] = [];
  for (const p of pairs.values()) {
    const { from, to } = down(p);
    const chain = [from];
    const r0 = rank.get(from) ?? 0;
    const r1 = rank.get(to) ?? 0;
    for (let r = r0 + 1; r < r1; r += 1) {
      const id = `${p.source}->${p.target}#${r}`;
      slots.set(id, { id, state: false, width: L.laneWidth, rank: r, x: 0 });
      chain.push(id);
    }
    chain.push(to);
    for (let i = 1; i < chain.length; i += 1) links.push({ from: chain[i - 1]!, to: chain[i]! });
    const between = chain.slice(1, -1);
    routes.push({
      source: p.source,
      target: p.target,
      keys: p.keys,
      via: from === p.source ? between : between.reverse(),
    });
  }

  // Order within each rank: definition order, then barycentre sweeps down and up.
  const maxRank = Math.max(0, ...[...slots.values()].map((s) => s.rank));
  const layers: Slot[][] = Array.from({ length: maxRank + 1 }, () => []);
  for (const slot of slots.values()) layers[slot.rank]!.push(slot);
  const position = new Map<string, number>();
  const index = () => layers.forEach((layer) => layer.forEach((s, i) => position.set(s.id, i)));
  index();
  const above = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const { from, to } of links) {
    below.set(from, [...(below.get(from) ?? []), to]);
    above.set(to, [...(above.get(to) ?? []), from]);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const sweep = (layer: Slot[], neighbours: Map<string, string[]>) => {
    const key = new Map(
      layer.map((s, i) => {
        const n = (neighbours.get(s.id) ?? []).map((id) => position.get(id) ?? 0);
        return [s.id, n.length ? mean(n) : i] as const;
      }),
    );
    layer.sort((a, b) => (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0));
  };
  for (let i = 0; i < 4; i += 1) {
    for (let r = 1; r <= maxRank; r += 1) {
      sweep(layers[r]!, above);
      index();
    }
    for (let r = maxRank - 1; r >= 0; r -= 1) {
      sweep(layers[r]!, below);
      index();
    }
  }

  // Across: each rank packed, then drawn towards its neighbours' centres, keeping its order and the gaps.
  const gapAfter = (a: Slot, b: Slot) => (a.state && b.state ? L.stateGap : L.laneWidth / 2 + 4);
  const place = (layer: Slot[], want: (s: Slot) => number) => {
    let edge = -Infinity;
    let prev: Slot | null = null;
    for (const s of layer) {
      const min = prev ? edge + gapAfter(prev, s) + s.width / 2 : -Infinity;
      s.x = Math.max(want(s), min);
      edge = s.x + s.width / 2;
      prev = s;
    }
    const shift = mean(layer.map((s) => want(s) - s.x));
    for (const s of layer) s.x += shift;
  };
  for (const layer of layers) {
    let x = 0;
    place(layer, (s) => {
      const c = x + s.width / 2;
      x += s.width + L.stateGap;
      return c;
    });
  }
  for (let i = 0; i < 6; i += 1) {
    const neighbours = i % 2 === 0 ? above : below;
    const order = i % 2 === 0 ? layers : [...layers].reverse();
    for (const layer of order) {
      place(layer, (s) => {
        const n = (neighbours.get(s.id) ?? []).map((id) => slots.get(id)?.x ?? s.x);
        return n.length ? mean(n) : s.x;
      });
    }
  }

  const all = [...slots.values()];
  const left = Math.min(...all.map((s) => s.x - s.width / 2));
  const right = Math.max(...all.map((s) => s.x + s.width / 2));
  const top = L.margin + L.startGap;
  const yOf = (r: number) => top + r * (L.stateHeight + L.rankGap);
  const xOf = (s: Slot) => s.x - left + L.margin;

  const states: LaidState[] = chart.states.map((s) => {
    const slot = slots.get(s.id)!;
    const loop = loops.has(s.id) ? L.loop : 0;
    const width = slot.width - loop;
    return {
      id: s.id,
      name: s.name,
      initial: s.initial,
      x: round(xOf(slot) - slot.width / 2),
      y: yOf(slot.rank),
      width: round(width),
      height: L.stateHeight,
    };
  });
  const box = new Map(states.map((s) => [s.id, s]));

  // Ports: the edges leaving or entering a side of a state are spread along it, ordered by where they go.
  type Side = 'top' | 'bottom';
  const ports = new Map<string, { edge: number; toward: number }[]>();
  const centreX = (id: string) => {
    const slot = slots.get(id)!;
    return xOf(slot);
  };
  const plan = routes.map((route, i) => {
    const s = box.get(route.source)!;
    const t = box.get(route.target)!;
    const goingDown = t.y > s.y;
    const sourceSide: Side = goingDown ? 'bottom' : 'top';
    const targetSide: Side = goingDown ? 'top' : 'bottom';
    const firstToward = centreX(route.via[0] ?? route.target);
    const lastFrom = centreX(route.via[route.via.length - 1] ?? route.source);
    const add = (id: string, side: Side, toward: number) => {
      const key = `${id}:${side}`;
      ports.set(key, [...(ports.get(key) ?? []), { edge: i, toward }]);
    };
    add(route.source, sourceSide, firstToward + i * 0.001);
    add(route.target, targetSide, lastFrom + i * 0.001);
    return { route, sourceSide, targetSide };
  });
  const portX = (id: string, side: Side, edge: number) => {
    const s = box.get(id)!;
    const list = [...(ports.get(`${id}:${side}`) ?? [])].sort((a, b) => a.toward - b.toward);
    const at = list.findIndex((p) => p.edge === edge);
    const usable = Math.min(s.width * 0.6, 18 * list.length);
    const step = list.length > 1 ? usable / (list.length - 1) : 0;
    return s.x + s.width / 2 - usable / 2 + step * at + (list.length > 1 ? 0 : usable / 2);
  };

  const curve = (points: { x: number; y: number }[]) => {
    let d = `M${round(points[0]!.x)},${round(points[0]!.y)}`;
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const my = (a.y + b.y) / 2;
      d += ` C${round(a.x)},${round(my)} ${round(b.x)},${round(my)} ${round(b.x)},${round(b.y)}`;
    }
    return d;
  };

  const edges: LaidEdge[] = plan.map(({ route, sourceSide, targetSide }, i) => {
    const s = box.get(route.source)!;
    const t = box.get(route.target)!;
    const start = {
      x: portX(route.source, sourceSide, i),
      y: sourceSide === 'bottom' ? s.y + s.height : s.y,
    };
    const end = { x: portX(route.target, targetSide, i), y: targetSide === 'top' ? t.y : t.y + t.height };
    const middle = route.via.map((id) => {
      const slot = slots.get(id)!;
      return { x: xOf(slot), y: yOf(slot.rank) + L.stateHeight / 2 };
    });
    const points = [start, ...middle, end];
    const beforeEnd = points[points.length - 2]!;
    const my = (beforeEnd.y + end.y) / 2;
    return {
      id: `${route.source}->${route.target}`,
      source: route.source,
      target: route.target,
      keys: route.keys,
      path: curve(points),
      head: arrowHead(end, { x: end.x, y: my }),
    };
  });
  for (const [id, keys] of loops) {
    const s = box.get(id)!;
    const x = s.x + s.width;
    const y0 = s.y + s.height * 0.3;
    const y1 = s.y + s.height * 0.75;
    const reach = x + L.loop - 2;
    edges.push({
      id: `${id}->${id}`,
      source: id,
      target: id,
      keys,
      path: `M${round(x)},${round(y0)} C${round(reach)},${round(s.y - 8)} ${round(reach)},${round(s.y + s.height + 8)} ${round(x)},${round(y1)}`,
      head: arrowHead({ x, y: y1 }, { x: x + 8, y: y1 + 3 }),
    });
  }

  const initial = box.get(chart.initial);
  const start = initial
    ? (() => {
        const cx = initial.x + initial.width / 2;
        const cy = L.margin + 3;
        const tip = { x: cx, y: initial.y };
        return {
          cx,
          cy,
          path: `M${round(cx)},${cy + 3} L${round(cx)},${initial.y}`,
          head: arrowHead(tip, { x: cx, y: cy }),
        };
      })()
    : null;

  return {
    width: round(right - left + 2 * L.margin),
    height: yOf(maxRank) + L.stateHeight + L.margin,
    states,
    edges,
    start,
  };
}
