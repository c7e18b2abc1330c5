import { describe, expect, it } from 'vitest';
import {
  clampScale,
  fitScale,
  MIN_WHOLE_SCALE,
  wholeScale,
  MAX_SCALE,
  MIN_SCALE,
  parseViewBox,
  participantRegion,
  scrollToKeep,
  STRIP_MIN_UNITS,
  STRIP_PAD,
  stripMaxPx,
  stripView,
  wheelScale,
} from './diagramGeometry';

describe('parseViewBox', () => {
  it('reads four numbers, spaces or commas', () => {
    expect(parseViewBox('-50 -10 1006 1331')).toEqual({ x: -50, y: -10, width: 1006, height: 1331 });
    expect(parseViewBox(' 0,0, 10 , 20 ')).toEqual({ x: 0, y: 0, width: 10, height: 20 });
  });
  it('refuses a missing, malformed or empty box', () => {
    expect(parseViewBox(null)).toBeNull();
    expect(parseViewBox('0 0 10')).toBeNull();
    expect(parseViewBox('0 0 ten 20')).toBeNull();
    expect(parseViewBox('0 0 0 20')).toBeNull();
  });
});

describe('participantRegion', () => {
  const viewBox = { x: -50, y: -10, width: 1006, height: 1331 };
  it('spans the width, from the top to just under the lowest top actor box', () => {
    const actors = [
      { x: 0, y: 30, width: 140, height: 65 },
      { x: 188, y: 30, width: 140, height: 65 },
      { x: 381, y: 32, width: 140, height: 70 },
    ];
    expect(participantRegion(viewBox, actors)).toEqual({
      x: -50,
      y: -10,
      width: 1006,
      height: 32 + 70 + STRIP_PAD + 10,
    });
  });
  it('never reaches past the bottom of the viewBox', () => {
    const small = { x: 0, y: 0, width: 100, height: 60 };
    expect(participantRegion(small, [{ x: 0, y: 0, width: 50, height: 58 }])?.height).toBe(60);
  });
  it('is null without actor boxes (or with none inside the viewBox)', () => {
    expect(participantRegion(viewBox, [])).toBeNull();
    expect(participantRegion(viewBox, [{ x: 0, y: -40, width: 10, height: 20 }])).toBeNull();
    expect(participantRegion(viewBox, [{ x: 0, y: 30, width: 10, height: 0 }])).toBeNull();
  });
});

describe('fitScale', () => {
  it('fits the viewBox width in the box', () => {
    expect(fitScale(826, 1006)).toBeCloseTo(0.821, 3);
    expect(fitScale(2012, 1006)).toBe(2);
  });
  it('stays within the zoom limits, and is 1 for a box not laid out', () => {
    expect(fitScale(10, 1006)).toBe(MIN_SCALE);
    expect(fitScale(100_000, 1006)).toBe(MAX_SCALE);
    expect(fitScale(0, 1006)).toBe(1);
    expect(fitScale(500, 0)).toBe(1);
  });
  it('clampScale', () => {
    expect(clampScale(0.01)).toBe(MIN_SCALE);
    expect(clampScale(1.5)).toBe(1.5);
    expect(clampScale(9)).toBe(MAX_SCALE);
  });
});

describe('scrollToKeep', () => {
  it('keeps the point under the pointer still when the diagram doubles', () => {
    // given the diagram's edge at 100 and the pointer at 300: 200 px into it at scale 1
    // when the scale becomes 2 (the edge stays): the point is now 400 px in, at 500: scroll by 200
    expect(scrollToKeep(300, 100, 100, 1, 2)).toBe(200);
  });
  it('accounts for an edge that moves (a diagram narrower than its box is centred)', () => {
    // edge from 250 to 150: the point 50 px in (scale 1) is 75 px in at 1.5, seen at 225: 75 px short of 300
    expect(scrollToKeep(300, 250, 150, 1, 1.5)).toBe(-75);
  });
  it('zooming out and in again comes back', () => {
    const out = scrollToKeep(400, 0, 0, 2, 1);
    expect(out).toBe(-200);
    expect(scrollToKeep(400, -out, -out, 1, 2)).toBe(200);
  });
  it('no scale, no scroll', () => {
    expect(scrollToKeep(300, 100, 100, 0, 2)).toBe(0);
  });
});

describe('wheelScale', () => {
  it('zooms in when the wheel turns up (negative delta), out when down', () => {
    expect(wheelScale(1, -100, 0)).toBeCloseTo(Math.exp(0.2), 6);
    expect(wheelScale(1, 100, 0)).toBeCloseTo(Math.exp(-0.2), 6);
  });
  it('counts lines and pages in pixels, at most ×2 or ÷2 a turn, within the limits', () => {
    expect(wheelScale(1, -3, 1)).toBeCloseTo(Math.exp(0.096), 6);
    expect(wheelScale(1, -5, 2)).toBe(2);
    expect(wheelScale(1, 5, 2)).toBe(0.5);
    expect(wheelScale(MAX_SCALE, -100, 0)).toBe(MAX_SCALE);
  });
});

describe('stripView', () => {
  const region = { x: -50, y: -10, width: 1006, height: 111 };
  const row = { top: 30, bottom: 95 };
  it('shows the whole region while it takes at most maxPx on screen', () => {
    expect(stripView(region, row, 0.8, 111)).toEqual(region);
    expect(stripView(region, row, 1, 111)).toEqual(region);
  });
  it('zoomed in: a band around the names, maxPx tall on screen, the full width kept', () => {
    const view = stripView(region, row, 2, 100);
    expect(view).toEqual({ x: -50, y: 62.5 - 25, width: 1006, height: 50 });
    expect(view.height * 2).toBe(100);
  });
  it('never thinner than STRIP_MIN_UNITS, never outside the region', () => {
    const view = stripView(region, row, 4, 48);
    expect(view.height).toBe(STRIP_MIN_UNITS);
    const low = stripView(region, { top: 80, bottom: 101 }, 3, 60);
    expect(low.y + low.height).toBeLessThanOrEqual(region.y + region.height);
  });
  it('stripMaxPx: a quarter of the box, between 48 and 120 px', () => {
    expect(stripMaxPx(446)).toBeCloseTo(111.5, 5);
    expect(stripMaxPx(100)).toBe(48);
    expect(stripMaxPx(1000)).toBe(120);
  });
});

describe('wholeScale', () => {
  it('fits the whole diagram: the tighter of its width and its height', () => {
    // a tall flow in a wide, short box: its height decides
    expect(wholeScale(1222, 300, 1006, 1331)).toBeCloseTo(300 / 1331, 5);
    // a short flow in a tall box: its width decides
    expect(wholeScale(500, 2000, 1006, 400)).toBeCloseTo(500 / 1006, 5);
  });
  it("goes below the zoom buttons' limit, not below its own, and refuses empty boxes", () => {
    expect(wholeScale(1222, 150, 1006, 1331)).toBeLessThan(MIN_SCALE);
    expect(wholeScale(10, 10, 1006, 1331)).toBe(MIN_WHOLE_SCALE);
    expect(wholeScale(0, 100, 1006, 1331)).toBe(1);
    expect(wholeScale(100, 100, 1006, 0)).toBe(1);
  });
});
