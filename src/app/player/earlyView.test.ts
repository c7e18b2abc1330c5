// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILD_ID } from '../buildId';
import { STORAGE_KEY } from '../storageKey';
import type { RenderOutcome } from './mermaid';

/** Three messages, as Mermaid draws them (labels before their line). */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" id="sequence-x">' +
  '<text class="messageText">1. request</text><line data-et="message"/>' +
  '<text class="messageText">2. answer</text><line data-et="message"/>' +
  '<text class="messageText">3. store</text><path data-et="message"/>' +
  '</svg>';
const VIEW = {
  text: 'sequenceDiagram\n  A->>B: 1. request',
  arrows: [1, 2, 3],
  caption: 'Figure 10.1.4.3.2-1',
  step: 2,
  theme: 'default' as const,
};
const ADDRESS = '/?procedure=10.1.4.3.2&step=2';

/** The page as React lays it out: header, a notice, the player (bar, diagram, what follows) and the editor. */
const PAGE = `
  <div class="app">
    <header class="app-header"><h1>MC migration profile simulator</h1></header>
    <div class="app-notices"><p>A notice of this visit</p></div>
    <main class="app-main">
      <section class="app-view player" aria-label="Player">
        <div class="player-bar" role="group" aria-label="Player controls">
          <select aria-label="Procedure"><option value="a">A</option><option value="b">B</option></select>
          <label><input type="checkbox" /> Reference points</label>
          <button type="button" class="btn">Next step</button>
          <div class="review-disclosure review-toolbar" data-open="true">
            <button type="button" aria-expanded="true">Review tools</button><div>Downloads</div>
          </div>
        </div>
        <div class="player-stage">
          <figure class="sequence diagram-view" aria-label="Sequence diagram">
            <figcaption>Figure 10.1.4.3.2-1</figcaption>
            <div class="diagram-zoom" role="group" aria-label="Diagram zoom"><button type="button">Fit</button></div>
            <div class="sequence-scroll" tabindex="0">
              <p class="muted diagram-note">Drawing the diagram…</p>
              <div class="diagram-canvas">
                <div class="sequence-svg" data-source="mermaid">${SVG}</div>
                <div class="diagram-strip" aria-hidden="true"><svg></svg></div>
              </div>
            </div>
          </figure>
        </div>
        <div class="player-columns"><ol aria-label="Steps"><li>1</li></ol></div>
      </section>
      <aside class="editor app-editor" aria-label="Scenario editor"><input type="text" /></aside>
    </main>
  </div>`;

type EarlyView = typeof import('./earlyView');

/** A fresh copy of the module (its notes are per page load), with the diagram's outcome given. */
async function load(
  outcome: RenderOutcome | null = { ok: true, svg: SVG, source: 'cache' },
): Promise<EarlyView> {
  vi.resetModules();
  vi.doMock('./mermaid', () => ({ settledDiagram: () => outcome }));
  return import('./earlyView');
}

/** Lays the page out as React does, and returns its figure. */
function renderPage(): Element {
  const root = document.getElementById('root')!;
  root.innerHTML = PAGE;
  // React sets these as properties, not attributes.
  root.querySelector('select')!.value = 'b';
  root.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked = true;
  return root.querySelector('figure')!;
}

/** A visit that showed VIEW and was left (the note written on pagehide). */
async function visitAndLeave(): Promise<void> {
  const early = await load();
  early.keepViewOnLeave();
  early.noteView(VIEW, renderPage());
  window.dispatchEvent(new Event('pagehide'));
  document.getElementById('root')!.replaceChildren();
}

const note = () => JSON.parse(localStorage.getItem('mcx-early-view') ?? 'null') as Record<string, unknown>;

/** The listeners each copy of the module adds for leaving the page, removed after each test. */
const listeners: [EventTarget, string, EventListenerOrEventListenerObject][] = [];
function recordListeners(target: Window | Document): void {
  const add = target.addEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation(
    (type: string, listener: EventListenerOrEventListenerObject | null) => {
      if (!listener) return;
      listeners.push([target, type, listener]);
      add(type, listener);
    },
  );
}

beforeEach(() => {
  recordListeners(window);
  recordListeners(document);
  document.body.innerHTML = '<div id="root"></div>';
  localStorage.clear();
  localStorage.setItem(STORAGE_KEY, '{"state":"saved"}');
  window.history.replaceState(null, '', ADDRESS);
});

afterEach(() => {
  for (const [target, type, listener] of listeners.splice(0)) target.removeEventListener(type, listener);
  vi.restoreAllMocks();
  vi.doUnmock('./mermaid');
});

describe('shellOf', () => {
  it("copies the page down to the diagram's box: what is before it whole and inert, nothing after it, no notices", async () => {
    const { shellOf } = await load();
    const holder = document.createElement('div');
    holder.innerHTML = shellOf(renderPage())!;
    const app = holder.firstElementChild!;
    expect(app.className).toBe('app');
    expect([...app.children].map((c) => c.tagName.toLowerCase())).toEqual(['header', 'main']);
    expect(app.querySelector('header')?.textContent).toBe('MC migration profile simulator');
    expect(app.querySelector('header')?.hasAttribute('inert')).toBe(true);
    // The player: its bar and its stage; the steps after the stage and the editor beside are left out.
    const section = app.querySelector('main > section.app-view.player')!;
    expect([...section.children].map((c) => c.className)).toEqual(['player-bar', 'player-stage']);
    expect(app.querySelector('aside, .player-columns')).toBeNull();
    const bar = section.querySelector('.player-bar')!;
    expect(bar.getAttribute('inert')).toBe('');
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    // The state React holds in properties, written as attributes.
    expect(bar.querySelector('option[value="b"]')?.hasAttribute('selected')).toBe(true);
    expect(bar.querySelector('option[value="a"]')?.hasAttribute('selected')).toBe(false);
    expect(bar.querySelector('input')?.hasAttribute('checked')).toBe(true);
    // A disclosure opened on this visit is copied closed: the next visit opens the page with it closed.
    expect(bar.querySelector('.review-disclosure')?.hasAttribute('data-open')).toBe(false);
    expect(bar.querySelector('.review-disclosure button')?.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('#root .review-disclosure')?.hasAttribute('data-open')).toBe(true);
    // The figure: its caption and zoom buttons (inert), an empty host; no SVG, strip or note.
    const figure = section.querySelector('.player-stage > figure')!;
    expect(figure.querySelector('.sequence-svg')?.childNodes.length).toBe(0);
    expect(figure.querySelector('svg, .diagram-strip, .diagram-note')).toBeNull();
    expect(figure.querySelector('.diagram-zoom')?.hasAttribute('inert')).toBe(true);
    expect(figure.querySelector('.sequence-scroll')?.hasAttribute('inert')).toBe(false);
  });

  it('is null for a figure that is not in a page', async () => {
    const { shellOf } = await load();
    expect(shellOf(document.createElement('figure'))).toBeNull();
  });
});

describe('the early paint', () => {
  it("a repeat visit paints the noted shell and the diagram in it, which the page's diagram then takes", async () => {
    await visitAndLeave();
    expect(note()).toMatchObject({ build: BUILD_ID, session: '{"state":"saved"}' });

    const early = await load();
    await expect(early.paintNoted('default')).resolves.toBe(true);
    const root = document.getElementById('root')!;
    const host = root.querySelector('.app main .player-stage figure .sequence-svg')!;
    expect(host.querySelector('svg')).not.toBeNull();
    expect(host.getAttribute('data-source')).toBe('cache');
    expect(root.querySelector('.player-bar option[value="b"]')?.hasAttribute('selected')).toBe(true);
    // Step 2 marked, 1 done, 3 to come.
    expect(host.querySelector('text.step-current')?.textContent).toBe('2. answer');
    expect(host.querySelector('[data-step="1"]')?.classList.contains('step-done')).toBe(true);
    expect(host.querySelector('[data-step="3"]')?.classList.contains('step-todo')).toBe(true);

    // A click on message 3 before React is there is handed over with the SVG, once, for the same text only.
    host.querySelector('[data-step="3"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(early.adoptEarly('another text', 'default')).toBeNull();
    expect(early.adoptEarly(VIEW.text, 'dark')).toBeNull();
    const adopted = early.adoptEarly(VIEW.text, 'default');
    expect(adopted?.svg).toBe(host.querySelector('svg'));
    expect(adopted?.clicked).toBe(3);
    expect(early.adoptEarly(VIEW.text, 'default')).toBeNull();
  });

  it('a note of another build is not painted, and is dropped', async () => {
    await visitAndLeave();
    localStorage.setItem('mcx-early-view', JSON.stringify({ ...note(), build: 'an-earlier-build' }));
    const early = await load();
    expect(early.paintNoted('default')).toBeNull();
    expect(document.getElementById('root')!.childNodes.length).toBe(0);
    expect(localStorage.getItem('mcx-early-view')).toBeNull();
  });

  it('nothing is painted for another address, another saved session, another theme or without the SVG', async () => {
    await visitAndLeave();
    const root = document.getElementById('root')!;

    window.history.replaceState(null, '', '/?procedure=10.1.4.3.2&step=3');
    expect((await load()).paintNoted('default')).toBeNull();
    window.history.replaceState(null, '', ADDRESS);

    localStorage.setItem(STORAGE_KEY, '{"state":"edited since"}');
    expect((await load()).paintNoted('default')).toBeNull();
    localStorage.setItem(STORAGE_KEY, '{"state":"saved"}');

    expect((await load()).paintNoted('dark')).toBeNull();
    expect((await load(null)).paintNoted('default')).toBeNull();
    expect(root.childNodes.length).toBe(0);
    // The note stays for the visit it fits.
    await expect((await load()).paintNoted('default')).resolves.toBe(true);
  });

  it("a drawing whose messages are not the view's is not painted, and leaves #root empty", async () => {
    await visitAndLeave();
    const early = await load({
      ok: true,
      svg: SVG.replaceAll('data-et="message"', 'data-et="x"'),
      source: 'cache',
    });
    await expect(early.paintNoted('default')).resolves.toBe(false);
    expect(document.getElementById('root')!.childNodes.length).toBe(0);
    expect(early.adoptEarly(VIEW.text, 'default')).toBeNull();
  });

  it('a page already drawn by React is not painted over', async () => {
    await visitAndLeave();
    document.getElementById('root')!.innerHTML = '<div class="app">React</div>';
    await expect((await load()).paintNoted('default')).resolves.toBe(false);
    expect(document.getElementById('root')!.textContent).toBe('React');
  });

  it('the opened address keeps its first view when the page moved on in the same diagram', async () => {
    const early = await load();
    early.keepViewOnLeave();
    const figure = renderPage();
    early.noteView(VIEW, figure);
    window.history.replaceState(null, '', '/?procedure=10.1.4.3.2&step=5');
    early.noteView({ ...VIEW, step: 5 }, figure);
    window.dispatchEvent(new Event('pagehide'));
    const entries = note().entries as { address: string; view: { step: number } }[];
    expect(entries.map((e) => [e.address, e.view.step])).toEqual([
      ['/?procedure=10.1.4.3.2&step=5', 5],
      [ADDRESS, 2],
    ]);
  });

  it('a page that shows nothing to note leaves no note', async () => {
    await visitAndLeave();
    const early = await load();
    early.keepViewOnLeave();
    early.noteView(VIEW, renderPage());
    early.noteView(null);
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem('mcx-early-view')).toBeNull();
  });
});
