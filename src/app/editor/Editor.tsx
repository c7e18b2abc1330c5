import './editor.css';
import { useGeneration } from './actions';
import { ResultingProfile } from './ResultingProfile';
import { ScenarioForm } from './ScenarioForm';
import { Toolbar } from './Toolbar';

/** The editor aside: what acts on the whole scenario, the resulting profile, then every field of the scenario. */
export function Editor() {
  const generation = useGeneration();
  return (
    <>
      <h2 className="editor-title">Scenario editor</h2>
      <Toolbar />
      <ResultingProfile />
      <ScenarioForm key={generation} />
    </>
  );
}
