import { LazyStreamLab } from '../lab/lazy-stream-lab';
import { LazyKeyMoments } from './lazy-key-moments';
import { LazyPredictPanel } from '../predict/lazy-predict-panel';
import { LessonFrame, PresenterToggle } from './lesson-frame';
import { LessonStoreProvider, QuizStoreProvider } from './lesson-store-provider';
import { LessonText } from './lesson-text';
import { LazyLiveAnnouncer } from './lazy-live-announcer';
import { ParamsForm } from '../stage/params-form';
import { LazyQuizSection } from '../quiz/lazy-quiz-section';
import { LazyRunExport } from '../recording/lazy-run-export';
import { RunBar } from '../stage/run-bar';
import { StageCards } from '../stage/stage-cards';
import { SampleSummary } from './sample-summary';
import { SiteHeader } from '../ui/site-header';
import { SkipLink } from '../ui/skip-link';
import { CopyLinkButton } from '../ui/copy-link-button';
import { KeyboardShortcuts } from '../shortcuts/keyboard-shortcuts';
import { LazyUrlSync } from './lazy-url-sync';
import { UrlNotices } from './url-notices';
import { draftFromParams } from '@/lib/contract/draft';
import { LESSON_TITLE } from '@/lib/lesson/content';
import { readShareUrl } from '@/lib/share/share-url';
import { selectNarration } from '@/lib/store/select-narration';
import { initialLessonData } from '@/lib/store/initial-lesson';
import './lesson-layout.css';

/**
 * The whole lesson, shared by `/` and `/embed`, opened where `search` (the page's query, a share
 * link) points. The first screen is the stage: the form, the bar
 * that runs it, and the code, the wire and the tables moving together, so the moment a frame
 * arrives is on screen without scrolling. Reading (Key Moments, the quiz, the seed's text)
 * follows. Embedded, it drops the site's brand and footer so a course page can frame it.
 */
export function Lesson({ embedded = false, search = '' }: { embedded?: boolean; search?: string }) {
  // The share link is read here, on the server, so the page arrives already where it points.
  const { state: shared, notices } = readShareUrl(search);
  const lessonOptions = {
    draft: draftFromParams(shared.params),
    cursor: shared.cursor,
    presenting: shared.presenting,
    transport: shared.transport,
    closeAfterLast: shared.closeAfterLast,
  };
  return (
    <LessonStoreProvider options={lessonOptions}>
      <QuizStoreProvider options={{ quiz: shared.quiz }}>
        <LessonFrame embedded={embedded}>
          <SkipLink targetId="lesson" />
          <SiteHeader brand={embedded ? undefined : 'Stepstream'} title={LESSON_TITLE}>
            <CopyLinkButton />
            <PresenterToggle />
            <KeyboardShortcuts />
          </SiteHeader>
          <main id="lesson" className="lesson" tabIndex={-1}>
            <UrlNotices notices={notices} />
            <LazyUrlSync />
            <LazyLiveAnnouncer />
            <section className="card setup-card" aria-labelledby="params-heading">
              <div className="setup-intro">
                <h2 id="params-heading">Run the generator</h2>
                <SampleSummary />
              </div>
              <ParamsForm />
            </section>
            <RunBar initialNarration={selectNarration(initialLessonData(lessonOptions))} />

            <StageCards beforeTables={<LazyPredictPanel />} />

            <section className="card lab-card" aria-labelledby="lab-heading">
              <div className="lab-intro">
                <h2 id="lab-heading">Stream lab</h2>
                {!embedded && (
                  <p>
                    <a href="/compare">SSE against polling</a>: the same three messages by short polling, long polling and SSE, requests and
                    bytes counted.
                  </p>
                )}
              </div>
              <LazyStreamLab />
            </section>

            <section className="card moments-card" aria-labelledby="moments-heading">
              <h2 id="moments-heading">Key Moments</h2>
              <LazyKeyMoments />
            </section>

            <section className="card quiz-card" aria-labelledby="quiz-heading">
              <h2 id="quiz-heading">Visual Quiz</h2>
              <LazyQuizSection />
            </section>

            <section className="card export-card" aria-labelledby="export-heading">
              <h2 id="export-heading">Take the run away</h2>
              <LazyRunExport />
            </section>

            <LessonText />
          </main>
          {!embedded && (
            <footer className="site-footer">
              <p>Stepstream · every number on this page comes from the live stream or a pure model of it.</p>
              <p>
                Teaching a class? {/* A plain link: next/link would add 2.5 kB to this page's first load. */}
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
                <a href="/room">Open a room</a> and your students follow your stream on their own screens.
              </p>
            </footer>
          )}
        </LessonFrame>
      </QuizStoreProvider>
    </LessonStoreProvider>
  );
}
