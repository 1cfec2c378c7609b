import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedTrace } from '@/lib/trace/expected';
import { generateQuiz } from './generate';

const optionTexts = (question: { options: Array<{ letter: string; text: string }> }) =>
  question.options.map((option) => `${option.letter} ${option.text}`);

describe('the classic set for the seed parameters', () => {
  const [first, second, third] = generateQuiz(expectedTrace(DEFAULT_PARAMS), 1, { count: 3, classic: true });

  it("asks the seed's first question word for word, answered B", () => {
    expect(first!.prompt).toBe("Look at the execution_table, what is the value of 'i' when the second message is sent?");
    expect(optionTexts(first!)).toEqual(['A 0', 'B 1', 'C 2', 'D None']);
    expect(first!.answer).toBe('B');
    expect(first!.hint.text).toBe("Check the 'Data Sent' and 'Step' columns for when the second message is sent.");
    expect(first!.hint.target).toEqual({ table: 'execution', steps: [3], columns: ['Step', 'Data Sent'] });
  });

  it("asks the seed's second question word for word, answered C", () => {
    expect(second!.prompt).toBe('At which step does the connection close according to the execution_table?');
    expect(optionTexts(second!)).toEqual(['A Step 3', 'B Step 4', 'C Step 5', 'D Step 2']);
    expect(second!.answer).toBe('C');
    expect(second!.hint.text).toBe("Look at the 'Connection State' column for when it changes to 'Closed'.");
  });

  it("asks the seed's third question word for word, answered A", () => {
    expect(third!.prompt).toBe(
      "If we increase the range to 5 in the generator, how would the 'After 3' value of 'i' in variable_tracker change?",
    );
    expect(optionTexts(third!)).toEqual(['A It would be 2', 'B It would be 3', 'C It would be 4', 'D It would be 5']);
    expect(third!.answer).toBe('A');
    expect(third!.hint.text).toBe("The 'After 3' column shows the value after the third iteration, which is index 2 starting from 0.");
    expect(third!.hint.target).toEqual({ table: 'tracker', rows: ['i'], columns: ['After 3'] });
  });

  it('explains each answer by the row and column that hold it', () => {
    expect(first!.explanation).toBe(
      'The second message, "Message 1", is sent at step 3; in that row i is 1, because range() counts from 0.',
    );
    expect(second!.explanation).toBe("Step 5 is 'Generator ends': the Connection State column changes from Open to Closed there.");
  });
});

describe('the classic set for other parameters', () => {
  it('is rebuilt from the trace for range 5: close at step 7, range grows to 7', () => {
    const [first, second, third] = generateQuiz(expectedTrace({ ...DEFAULT_PARAMS, n: 5 }), 1, { count: 3, classic: true });
    expect(first!.answer).toBe('B');
    expect(optionTexts(second!)).toEqual(['A Step 5', 'B Step 6', 'C Step 7', 'D Step 4']);
    expect(second!.answer).toBe('C');
    expect(third!.prompt).toContain('increase the range to 7');
  });

  it('asks about the first message when there is only one, and keeps options distinct', () => {
    const [first, second, third] = generateQuiz(expectedTrace({ ...DEFAULT_PARAMS, n: 1 }), 1, { count: 3, classic: true });
    expect(first!.prompt).toContain('when the first message is sent');
    expect(first!.answer).toBe('A');
    expect(optionTexts(second!)).toEqual(['A Step 1', 'B Step 2', 'C Step 3', 'D Step 4']);
    expect(third!.prompt).toContain("'After 1'");
    expect(third!.answer).toBe('A');
  });
});
