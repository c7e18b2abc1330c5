// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTITIES, ENTITY_IDS } from '../../core/model/ids';
import { presetScenario } from '../../core/model/presets';
import { REFERENCE_POINTS } from '../../core/model/referencePoints';
import { stubPageApis } from '../pageTests.testing';
import { useApp } from '../store';
import { Player } from './Player';

// The diagram's text, as the player hands it to Mermaid (not drawn here: jsdom has no layout).
const drawn: string[] = [];
vi.mock('./mermaid', () => ({
  renderDiagram: (text: string) => {
    drawn.push(text);
    return new Promise(() => {});
  },
  settledDiagram: () => null,
  refuseKept: () => new Promise(() => {}),
}));

const happy = presetScenario('happy-path');
/** The message lines (`a->>b: label`, `a--xb: …`) of the diagram text the player last asked Mermaid to draw. */
const arrows = () =>
  (drawn.at(-1) ?? '').split('\n').filter((line) => /^\s*\w+-{1,2}(>>|x|\))\w+:/.test(line));
/** The text the player asks Mermaid for (it asks after the task in which the text appears). */
async function drawnText(): Promise<string> {
  const before = drawn.length;
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(drawn.length).toBeGreaterThan(before);
  return drawn.at(-1)!;
}

describe('reference points on the page', () => {
  beforeEach(() => {
    stubPageApis();
    drawn.length = 0;
    localStorage.clear();
    useApp.setState({
      scenario: happy,
      procedure: '10.1.4.3.3',
      step: 0,
      past: [],
      future: [],
      notices: [],
      playing: false,
      referencePoints: false,
    });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('the toggle "Reference points on the diagram" adds [CSC-x] to every arrow, and takes it off again', async () => {
    render(<Player />);
    const toggle = screen.getByRole('checkbox', { name: /^Reference points on the diagram/ });
    // its label says where the names come from (the clauses name none)
    expect(toggle.closest('label')?.textContent).toContain(`CSC-17: ${REFERENCE_POINTS['CSC-17'].source}`);
    expect(await drawnText()).not.toContain('[CSC-');
    expect(arrows().length).toBeGreaterThan(5);
    fireEvent.click(toggle);
    expect(await drawnText()).toContain('[CSC-');
    expect(useApp.getState().referencePoints).toBe(true);
    const on = arrows();
    expect(on.length).toBeGreaterThan(5);
    // every message between two entities names its point; an own action (a->>a) has none
    const own = (line: string) => /^\s*(\w+)-{1,2}(>>|x|\))\1:/.test(line);
    expect(on.filter(own).length).toBeGreaterThan(0);
    expect(on.filter((line) => !own(line) && !/: (\d+[a-z]?\. )?\[CSC-(4|13|17)\] /.test(line))).toEqual([]);
    expect(on.filter((line) => own(line) && line.includes('[CSC-'))).toEqual([]);
    // client -> partner CMS is CSC-4; the partner CMS asks the primary's CSC-17
    expect(on[0]).toBe('  cmc->>partnerCms: 1. [CSC-4] request profile for migration');
    expect(on.some((line) => line.includes('[CSC-17]'))).toBe(true);
    expect(on.some((line) => line.includes('[CSC-13]'))).toBe(true);
    fireEvent.click(toggle);
    expect(useApp.getState().referencePoints).toBe(false);
    expect(await drawnText()).not.toContain('[CSC-');
  });

  it('the step list headings and the message panel name the reference point and its source', () => {
    render(<Player />);
    const items = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('1. cmc → partner-cms (CSC-4)');
    expect(items[1]?.textContent).toContain('2. partner-cms → primary-cms (CSC-17)');
    // an own action has no reference point
    const own = items.find((li) => li.textContent?.includes('(own action)'));
    expect(own?.textContent).not.toMatch(/\(CSC-/);
    act(() => useApp.getState().goTo(2));
    const panel = screen.getByRole('region', { name: 'Current message' });
    const row = [...panel.querySelectorAll('.player-row')].find(
      (r) => r.querySelector('dt')?.textContent === 'Reference point',
    );
    const point = REFERENCE_POINTS['CSC-17'];
    expect(row?.querySelector('dd')?.textContent).toBe(
      `CSC-17 (${point.between}; named in ${point.source}, not in the clause)`,
    );
  });

  it('the entity panels: one per entity in order, each with the rows of its own run', () => {
    render(<Player />);
    act(() => useApp.getState().goTo(useApp.getState().step + 99));
    const region = screen.getByRole('region', { name: /^Entities after/ });
    const panels = within(region).getAllByRole('article');
    expect(panels.map((a) => a.querySelector('h3')?.textContent)).toEqual(
      ENTITY_IDS.map((id) => ENTITIES[id].title),
    );
    const labels = (id: string) =>
      [
        ...(panels[ENTITY_IDS.findIndex((e) => e === id)]?.querySelectorAll(':scope > dl > div > dt') ?? []),
      ].map((dt) => dt.textContent?.replace(' (changed)', ''));
    expect(labels('cmc')).toEqual(['State', 'Request sent', 'Profiles held']);
    // 10.1.4.3.3: the primary UDB retrieves; the partner UDB receives, modifies and stores
    expect(labels('primary-udb')).toEqual(['State', 'Requests in flight', 'Retrieved']);
    expect(labels('partner-udb')).toEqual(['State', 'Requests in flight', 'Received', 'Modified', 'Stored']);
  });
});
