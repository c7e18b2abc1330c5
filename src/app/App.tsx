import { Editor } from './editor/Editor';
import { Notices } from './Notices';
import { Player } from './player/Player';

/**
 * The page: the player (procedure picker, diagram, controls, steps, entity panels, message) and the editor
 * (scenario inputs, resulting profile). Each region lives in its own folder: player/, editor/.
 */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>MC migration profile simulator</h1>
        <p className="subtitle">TS 23.280 clause 10.1.4 — MC service user profile retrieval, step by step</p>
      </header>
      <Notices />
      <main className="app-main">
        <section className="player" aria-label="Player">
          <Player />
        </section>
        <aside className="editor" aria-label="Scenario editor">
          <Editor />
        </aside>
      </main>
    </div>
  );
}
