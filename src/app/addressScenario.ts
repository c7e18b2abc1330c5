import type { Scenario } from '../core/model/scenario';
import { useApp } from './store';
import { decodeScenario, scenarioValue } from './url';

/**
 * The scenario a mode works on (the explorer sweeps it, the checker checks it): the address's (`#scenario=` or
 * `?scenario=`), else the one on the page. A scenario in the address that cannot be read is one notice; the page's is
 * used (`done`: what the mode does with it, for that notice).
 */
export function scenarioOfAddress(done: string): Scenario {
  const s = useApp.getState();
  const packed = scenarioValue(window.location.search, window.location.hash);
  if (packed === null) return s.scenario;
  const decoded = decodeScenario(packed);
  if (decoded.ok) return decoded.scenario;
  s.notify(
    `The scenario in the address could not be loaded (${decoded.reason}); the current scenario is ${done}.`,
  );
  return s.scenario;
}
