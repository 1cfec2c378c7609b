import { CodePanel } from '@/components/code-panel';
import { ConnectionDiagram } from '@/components/connection-diagram';
import { ExecutionTable } from '@/components/execution-table';
import { KeyMoments } from '@/components/key-moments';
import { LessonStoreProvider, ProgressStoreProvider, QuizStoreProvider } from '@/components/lesson-store-provider';
import { LessonText } from '@/components/lesson-text';
import { ParamsForm } from '@/components/params-form';
import { QuizSection } from '@/components/quiz/quiz-section';
import { VariableTracker } from '@/components/variable-tracker';
import { LESSON_TITLE } from '@/lib/lesson/content';

export default function LessonPage() {
  return (
    <LessonStoreProvider>
      <QuizStoreProvider>
        <ProgressStoreProvider>
          <header className="site-header">
            <p className="brand">Stepstream</p>
            <h1>{LESSON_TITLE}</h1>
            <p className="lede">
              A real stream from this server, <code>GET /api/stream</code>, fills in the lesson as each frame arrives.
            </p>
          </header>
          <main className="lesson">
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
                <ExecutionTable />
                <VariableTracker />
              </section>
            </div>

            <section className="card quiz-card" aria-labelledby="quiz-heading">
              <h2 id="quiz-heading">Visual Quiz</h2>
              <QuizSection />
            </section>

            <LessonText />
          </main>
          <footer className="site-footer">
            <p>Stepstream · every number on this page comes from the live stream or a pure model of it.</p>
          </footer>
        </ProgressStoreProvider>
      </QuizStoreProvider>
    </LessonStoreProvider>
  );
}
