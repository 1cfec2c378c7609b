'use client';

import { useEffect } from 'react';
import { draftFromParams } from '@/lib/contract/draft';
import { readShareUrl, writeShareUrl, type SharedState } from '@/lib/share/share-url';
import { selectFormParams } from '@/lib/store/selectors';
import { useLessonStoreApi, useQuizStoreApi } from './lesson-store-provider';

/**
 * Keeps the address bar a share link: parameters, mode, step, presenter mode, client and quiz are
 * written back as they change (the server already opened the page where the link pointed), and
 * read again on Back / Forward. Entries are replaced, not pushed, so Back leaves the lesson
 * instead of undoing it one keystroke at a time.
 */
export function UrlSync() {
  const lesson = useLessonStoreApi();
  const quiz = useQuizStoreApi();

  useEffect(() => {
    function restore() {
      const { state } = readShareUrl(window.location.search);
      lesson.getState().actions.restore({
        draft: draftFromParams(state.params),
        cursor: state.cursor,
        presenting: state.presenting,
        transport: state.transport,
        closeAfterLast: state.closeAfterLast,
      });
      if (quiz.getState().quiz !== state.quiz) quiz.getState().actions.startQuiz(state.quiz);
    }

    function write() {
      const lessonState = lesson.getState();
      const shared: SharedState = {
        params: selectFormParams(lessonState),
        cursor: lessonState.cursor,
        presenting: lessonState.presenting,
        transport: lessonState.transport,
        closeAfterLast: lessonState.closeAfterLast,
        quiz: quiz.getState().quiz,
      };
      const search = writeShareUrl(shared);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    }

    const unsubscribe = [lesson.subscribe(write), quiz.subscribe(write)];
    // What the server corrected (a step clamped to the run, an invalid value dropped) goes into the address bar now.
    write();
    window.addEventListener('popstate', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      unsubscribe.forEach((stop) => stop());
    };
  }, [lesson, quiz]);

  return null;
}
