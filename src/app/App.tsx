import { lazy, Suspense, type ReactNode } from 'react';
import { useEditorDrawer } from './editor/EditorDrawer';
import { EmbedPage } from './embed/EmbedPage';
import { EMBED } from './embed/embedMode';
import { useEmbedProblems } from './embed/useEmbedProblems';
import { Notices } from './Notices';
import { firstRender } from './player/mermaid';
import { Player } from './player/Player';
import { usePresentation } from './review/presentation';
import { useReviewUrl } from './review/useReviewUrl';
import './review/review.css';
import { useApp } from './store';
import { readReviewUrl } from './url';
import { ViewBoundary } from './ViewBoundary';

// Split from the first view (at most 300 kB of JavaScript, gzip, with Mermaid's sequence diagram): the review
// views load when they are opened, the editor once the first diagram is on screen (or after 3 s at the latest).
const CompareView = lazy(() => import('./review/CompareView').then((m) => ({ default: m.CompareView })));
const QuizView = lazy(() => import('./review/QuizView').then((m) => ({ default: m.QuizView })));
// The explore mode (its maps, its worker's client) is a chunk of its own, loaded in that mode only.
const ExploreView = lazy(() => import('./explore/ExploreView').then((m) => ({ default: m.ExploreView })));
// `?mode=assumptions` (CONTRACT.md §10): the register, a chunk of its own.
const AssumptionsView = lazy(() =>
  import('./assumptions/AssumptionsView').then((m) => ({ default: m.AssumptionsView })),
);
// The checker's page (CONTRACT.md §11, check/): its table, its worker's client, loaded in that mode only.
const CheckView = lazy(() => import('./check/CheckView').then((m) => ({ default: m.CheckView })));
const afterFirstView = () =>
  Promise.race([firstRender, new Promise((resolve) => setTimeout(resolve, 3000))]).then(
    () => new Promise((resolve) => setTimeout(resolve, 100)),
  );
const Editor = lazy(() =>
  afterFirstView()
    .then(() => import('./editor/Editor'))
    .then((m) => ({ default: m.Editor })),
);

// CONTRACT.md §9: the service worker for offline use, registered once the first view is on screen (not in development).
if (import.meta.env.PROD)
  void afterFirstView()
    .then(() => import('./offline/registerOffline'))
    .then((m) => m.registerOffline())
    .catch(() => undefined);

const loading = <p className="muted">Loading…</p>;

// An explore address opens in that mode from the first render (the player, drawn first, would load Mermaid).
if (typeof window !== 'undefined') {
  const opening = readReviewUrl(window.location.search).mode;
  if (opening === 'explore' || opening === 'check') useApp.setState({ mode: opening });
}

/**
 * The page: the player (procedure picker, diagram, controls, steps, entity panels, message) and the editor
 * (scenario inputs, resulting profile). Each region lives in its own folder: player/, editor/, review/. The review
 * views take the player's place: `?mode=quiz`, `?mode=present` (no editor), `?compare=<id>,<id>`; so does
 * the explore mode (explore/): `?mode=explore`, without the editor.
 */
export function App() {
  return (
    <ViewBoundary view="page">
      {/* CONTRACT.md §8: `?embed=1`, the page for an iframe (src/app/embed/). */}
      {EMBED.embed ? <EmbedPage /> : <Page />}
    </ViewBoundary>
  );
}

/** A view that has the page to itself (no editor beside it), loaded with its mode, behind its own boundary. */
function SingleView({
  label,
  className,
  view,
  children,
}: {
  label: string;
  className?: string;
  view: string;
  children: ReactNode;
}) {
  return (
    <main className="app-main app-main-single">
      <section className={className ? `app-view ${className}` : 'app-view'} aria-label={label}>
        <ViewBoundary view={view}>
          <Suspense fallback={loading}>{children}</Suspense>
        </ViewBoundary>
      </section>
    </main>
  );
}

function Page() {
  useReviewUrl();
  useEmbedProblems();
  const mode = useApp((s) => s.mode);
  const compare = useApp((s) => s.compare);
  const present = !compare && mode === 'present';
  usePresentation(present);
  const drawer = useEditorDrawer();

  return (
    <div className={`app${present ? ' mode-present' : ''}`}>
      {/* In presentation the page's title stays for assistive technology (its one h1), off the projected screen. */}
      <header className={present ? 'app-header visually-hidden' : 'app-header'}>
        <h1>MC migration profile simulator</h1>
        <p className="app-subtitle">
          TS 23.280 clause 10.1.4 — MC service user profile retrieval, step by step
        </p>
      </header>
      <Notices />
      {mode !== 'explore' &&
        mode !== 'check' &&
        mode !== 'assumptions' &&
        mode !== 'quiz' &&
        !present &&
        !compare &&
        drawer.toggle}
      {mode === 'check' && !compare ? (
        <SingleView label="Check" className="check-page" view="check">
          <CheckView />
        </SingleView>
      ) : mode === 'explore' && !compare ? (
        <SingleView label="Explore" className="explore-page" view="explore">
          <ExploreView />
        </SingleView>
      ) : mode === 'assumptions' && !compare ? (
        <SingleView label="Assumptions" view="assumptions">
          <AssumptionsView />
        </SingleView>
      ) : compare ? (
        <SingleView label="Comparison" className="review-compare-view" view="comparison">
          <CompareView pair={compare} />
        </SingleView>
      ) : (
        <main className="app-main">
          <section
            className={`app-view ${mode === 'quiz' ? 'review-quiz-view' : 'player'}`}
            aria-label="Player"
          >
            {mode === 'quiz' ? (
              <ViewBoundary view="quiz">
                <Suspense fallback={loading}>
                  <QuizView />
                </Suspense>
              </ViewBoundary>
            ) : (
              <ViewBoundary view={present ? 'presentation' : 'player'}>
                <Player />
              </ViewBoundary>
            )}
          </section>
          {mode === 'quiz' ? (
            // The editor's result, its policy's changes and its preset's description tell the answers before they
            // are asked: the quiz keeps it out of sight (leave the quiz to edit).
            <aside className="app-editor review-quiz-aside" aria-label="Scenario editor">
              <h2 className="editor-title">Scenario editor</h2>
              <p className="hint">
                Hidden while the quiz runs: the resulting profile and the policy&apos;s changes would give the
                answers away. Leave quiz mode to see or edit the scenario (the simulator&apos;s note).
              </p>
            </aside>
          ) : (
            !present && (
              <aside className="editor app-editor" aria-label="Scenario editor" {...drawer.asideProps}>
                {drawer.head}
                <ViewBoundary view="scenario editor">
                  <Suspense fallback={<p className="muted">Loading the scenario editor…</p>}>
                    <Editor />
                  </Suspense>
                </ViewBoundary>
              </aside>
            )
          )}
        </main>
      )}
    </div>
  );
}
