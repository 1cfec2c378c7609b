'use client';

import { useEffect, useState } from 'react';
import { readShareUrl, writeShareUrl, type SharedState } from '@/lib/lesson/share-url';
import { draftFromParams } from '@/lib/contract/draft';
import { selectFormParams } from '@/lib/store/selectors';
import { useLessonStoreApi, useQuizStoreApi } from './lesson-store-provider';

/**
 * Keeps the address bar a share link: parameters, mode, step, presenter mode and quiz are read
 * from it on load (and on Back / Forward), and written back as they change. Entries are replaced,
 * not pushed, so Back leaves the lesson instead of undoing it one keystroke at a time.
 */
export function UrlSync() {
  const lesson = useLessonStoreApi();
  const quiz = useQuizStoreApi();
  const [notices, setNotices] = useState<string[]>([]);

  useEffect(() => {
    function restore() {
      const { state, notices: found } = readShareUrl(window.location.search);
      lesson.getState().actions.restore({ draft: draftFromParams(state.params), cursor: state.cursor, presenting: state.presenting, transport: state.transport });
      if (quiz.getState().quiz !== state.quiz) quiz.getState().actions.startQuiz(state.quiz);
      setNotices(found);
    }

    function write() {
      const lessonState = lesson.getState();
      const shared: SharedState = {
        params: selectFormParams(lessonState),
        cursor: lessonState.cursor,
        presenting: lessonState.presenting,
        transport: lessonState.transport,
        quiz: quiz.getState().quiz,
      };
      const search = writeShareUrl(shared);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    }

    // Subscribed first, so what restore() corrects (a step clamped to the run) goes back into the address bar.
    const unsubscribe = [lesson.subscribe(write), quiz.subscribe(write)];
    restore();
    window.addEventListener('popstate', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      unsubscribe.forEach((stop) => stop());
    };
  }, [lesson, quiz]);

  if (notices.length === 0) return null;
  return (
    <div className="notice url-notice" role="status">
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" className="link-button" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </div>
  );
}
