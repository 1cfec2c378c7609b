import { describe, expect, it } from 'vitest';
import { draftFromParams } from '@/lib/contract/draft';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { initialLessonData } from './initial-lesson';
import { createLessonStore } from './lesson-store';

describe('initialLessonData', () => {
  it('is what a new store holds, without making one', () => {
    const options = { draft: draftFromParams({ ...DEFAULT_PARAMS, n: 5 }), cursor: 2, presenting: true, transport: 'eventsource' as const };
    const { actions: _actions, ...held } = createLessonStore(options).getState();
    expect(held).toEqual(initialLessonData(options));
  });

  it('gives each caller a draft of its own', () => {
    const first = initialLessonData();
    first.draft.n = '99';
    expect(initialLessonData().draft.n).not.toBe('99');
  });
});
