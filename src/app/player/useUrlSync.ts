import { useEffect, useLayoutEffect } from 'react';
import { sameValue } from '../../core/model/profile';
import type { Scenario } from '../../core/model/scenario';
import { errorLine } from '../notice';
import { openLinked } from '../openLink';
import { DEFAULT_SCENARIO, useApp, type AppState } from '../store';
import { encodeScenario, readUrl, scenarioValue, writeUrl, type Address } from '../url';
import { runOf } from '../useRun';

const countSteps = (scenario: Scenario, procedure: AppState['procedure']) =>
  runOf(scenario, procedure).run.steps.length;

// The address is read once per page load (not again when React re-mounts in development).
let read = false;

// The scenario goes into the address only when it is not the default one; encoded once per scenario object.
const encoded = new WeakMap<Scenario, string | null>();
function scenarioParam(scenario: Scenario): string | null {
  let value = encoded.get(scenario);
  if (value === undefined) {
    value = sameValue(scenario, DEFAULT_SCENARIO) ? null : encodeScenario(scenario);
    encoded.set(scenario, value);
  }
  return value;
}

function write(state: AppState): void {
  const { search, hash } = window.location;
  let next: Address;
  try {
    const total = countSteps(state.scenario, state.procedure);
    next = writeUrl(
      { search, hash },
      {
        procedure: state.procedure,
        step: Math.min(state.step, total),
        scenario: scenarioParam(state.scenario),
      },
    );
  } catch {
    // A scenario that cannot be run or encoded: the address stays as it is (the view says what went wrong).
    return;
  }
  if (next.search === search && next.hash === hash) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${next.search}${next.hash}`,
  );
}

/**
 * Opens what the address says (a link's scenario through `openLinked`: undoable, restorable) and reports each bad
 * value. `readUrl` never throws; should anything else here, it is one more notice, not a blank page.
 */
export function applyAddress(search: string, hash: string): void {
  const s = useApp.getState();
  try {
    const reading = readUrl(search, { procedure: s.procedure, scenario: s.scenario }, countSteps, hash);
    if (reading.scenario) openLinked(reading.scenario, reading.procedure, reading.step);
    else s.setProcedure(reading.procedure, reading.step);
    for (const problem of reading.problems) s.notify(problem);
  } catch (error) {
    s.notify(`The address could not be read (${errorLine(error)}).`);
  }
}

/** After the saved session is read (at once with localStorage; waited for should it ever be late). */
function whenHydrated(then: () => void): void {
  if (useApp.persist.hasHydrated()) then();
  else {
    const stop = useApp.persist.onFinishHydration(() => {
      stop();
      then();
    });
  }
}

// A link pasted over the page's own address differs in its fragment only: the browser does not reload for it.
function onHashChange(): void {
  const { search, hash } = window.location;
  if (scenarioValue('', hash) === scenarioParam(useApp.getState().scenario)) return;
  applyAddress(search, hash);
}

// history.replaceState costs milliseconds (several in Chromium): it is done after the step's task, so the highlight
// comes first, and once for a burst of steps (keys held down, fast play) rather than once per step.
const WRITE_DELAY_MS = 120;
let pendingWrite: ReturnType<typeof setTimeout> | null = null;
function writeNow(): void {
  if (pendingWrite !== null) clearTimeout(pendingWrite);
  pendingWrite = null;
  write(useApp.getState());
}
function writeSoon(): void {
  if (pendingWrite !== null) return;
  pendingWrite = setTimeout(() => {
    pendingWrite = null;
    write(useApp.getState());
  }, WRITE_DELAY_MS);
}

/**
 * Opens what the address says, once per page load. The page calls it before React's first render (mount.tsx), so
 * that the first frame already shows the address's procedure and step: a store change made in a layout effect of
 * the first mount reaches the components only after that frame is painted (their subscriptions start in passive
 * effects), and the page would paint the default procedure, then move.
 */
export function openAddress(): void {
  if (read) return;
  read = true;
  whenHydrated(() => applyAddress(window.location.search, window.location.hash));
}

/**
 * CONTRACT.md §4, §8: `?procedure&step#scenario` (or `?scenario`) opens the page there (bad values: a notice, and the default), and the
 * address follows the player from then on (replaceState: stepping adds no history entries).
 */
export function useUrlSync(): void {
  useLayoutEffect(openAddress, []);

  useEffect(() => {
    write(useApp.getState());
    let last = useApp.getState();
    return useApp.subscribe((state) => {
      if (state.procedure === last.procedure && state.step === last.step && state.scenario === last.scenario)
        return;
      // An edit or another procedure is written at once (a reload right after it must not bring back the old
      // scenario); steps, which come in bursts, a moment later.
      const stepOnly = state.procedure === last.procedure && state.scenario === last.scenario;
      last = state;
      if (stepOnly) writeSoon();
      else writeNow();
    });
  }, []);

  // Leaving the page: what is pending is written first.
  useEffect(() => {
    window.addEventListener('pagehide', writeNow);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('pagehide', writeNow);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}
