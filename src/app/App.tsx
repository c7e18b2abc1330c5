import { Editor } from './editor/Editor';
import { Notices } from './Notices';
import { Player } from './player/Player';
import { CompareView } from './review/CompareView';
import { usePresentation } from './review/presentation';
import { QuizView } from './review/QuizView';
import { useReviewUrl } from './review/useReviewUrl';
import './review/review.css';
import { useApp } from './store';

/**
 * The page: the player (procedure picker, diagram, controls, steps, entity panels, message) and the editor
 * (scenario inputs, resulting profile). Each region lives in its own folder: player/, editor/, review/. The review
 * views (issue 5) take the player's place: `?mode=quiz`, `?mode=present` (no editor), `?compare=<id>,<id>`.
 */
export function App() {
  useReviewUrl();
  const mode = useApp((s) => s.mode);
  const compare = useApp((s) => s.compare);
  const present = !compare && mode === 'present';
  usePresentation(present);

  return (
    <div className={`app${present ? ' mode-present' : ''}`}>
      <header className="app-header">
        <h1>MC migration profile simulator</h1>
        <p className="subtitle">TS 23.280 clause 10.1.4 — MC service user profile retrieval, step by step</p>
      </header>
      <Notices />
      {compare ? (
        <main className="app-main app-compare">
          <section className="player compare-view" aria-label="Comparison">
            <CompareView pair={compare} />
          </section>
        </main>
      ) : (
        <main className="app-main">
          <section className={`player${mode === 'quiz' ? ' quiz-view' : ''}`} aria-label="Player">
            {mode === 'quiz' ? <QuizView /> : <Player />}
          </section>
          {!present && (
            <aside className="editor" aria-label="Scenario editor">
              <Editor />
            </aside>
          )}
        </main>
      )}
    </div>
  );
}
