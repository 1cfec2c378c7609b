import { CodePanel } from './code-panel';
import { CopyLinkButton } from './copy-link-button';
import { ConnectionDiagram } from './connection-diagram';
import { ExecutionTable } from './execution-table';
import { KeyMoments } from './key-moments';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { LessonFrame, PresenterToggle } from './lesson-frame';
import { LessonStoreProvider, QuizStoreProvider } from './lesson-store-provider';
import { LessonText } from './lesson-text';
import { ParamsForm } from './params-form';
import { LazyQuizSection } from './quiz/lazy-quiz-section';
import { ReplayControls } from './replay-controls';
import { SkipLink } from './skip-link';
import { UrlSync } from './url-sync';
import { VariableTracker } from './variable-tracker';
import { LESSON_TITLE } from '@/lib/lesson/content';

/**
 * The whole lesson, shared by `/` and `/embed`. Embedded, it drops the site's header and footer
 * so a course page can frame it.
 */
export function Lesson({ embedded = false }: { embedded?: boolean }) {
  return (
    <LessonStoreProvider>
      <QuizStoreProvider>
        <LessonFrame embedded={embedded}>
          <SkipLink targetId="lesson" />
          {embedded ? (
            <h1 className="embed-title">{LESSON_TITLE}</h1>
          ) : (
            <header className="site-header">
              <p className="brand">Stepstream</p>
              <h1>{LESSON_TITLE}</h1>
              <p className="lede">
                A real stream from this server, <code>GET /api/stream</code>, fills in the lesson as each frame arrives.
              </p>
            </header>
          )}
          <main id="lesson" className="lesson" tabIndex={-1}>
            <UrlSync />
            <div className="toolbar">
              <CopyLinkButton />
              <PresenterToggle />
              <KeyboardShortcuts />
            </div>
            <section className="card controls" aria-labelledby="params-heading">
              <h2 id="params-heading">Run the generator</h2>
              <ParamsForm />
            </section>

            <div className="lesson-column">
              <section className="card code-card" aria-labelledby="code-heading">
                <h2 id="code-heading">The generator</h2>
                <CodePanel />
              </section>

              <section className="card moments-card" aria-labelledby="moments-heading">
                <h2 id="moments-heading">Key Moments</h2>
                <KeyMoments />
              </section>
            </div>

            <div className="lesson-column">
              <section className="card diagram-card" aria-labelledby="wire-heading">
                <h2 id="wire-heading">The wire</h2>
                <ConnectionDiagram />
              </section>

              <section className="card tables-card" aria-labelledby="tables-heading">
                <h2 id="tables-heading">What happened, as it happened</h2>
                <ReplayControls />
                <ExecutionTable />
                <VariableTracker />
              </section>
            </div>

            <section className="card quiz-card" aria-labelledby="quiz-heading">
              <h2 id="quiz-heading">Visual Quiz</h2>
              <LazyQuizSection />
            </section>

            <LessonText />
          </main>
          {!embedded && (
            <footer className="site-footer">
              <p>Stepstream · every number on this page comes from the live stream or a pure model of it.</p>
            </footer>
          )}
        </LessonFrame>
      </QuizStoreProvider>
    </LessonStoreProvider>
  );
}
