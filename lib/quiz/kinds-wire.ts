/**
 * Question kinds about the wire: the exact bytes of a frame, and what a browser's `EventSource`
 * does when the response ends.
 */
import { renderTemplate } from '@/lib/contract/params';
import { pythonStringLiteral } from '@/lib/trace/format';
import { closeStep, ordinal, yieldRows } from './facts';
import { buildOptions, numbered } from './options';
import type { QuestionGenerator } from './types';

/** The bytes the server sends for the k-th message, as a Python string literal. */
export const frameBytesQuestion: QuestionGenerator<'frame-bytes'> = (trace, { k }, random) => {
  const row = yieldRows(trace)[k - 1]!;
  const frame = row.frame!;
  const data = row.dataSent!;
  const next = renderTemplate(trace.params.template, k);
  const distractors = [
    pythonStringLiteral(frame.slice(0, -1)),
    pythonStringLiteral(`${data}\n\n`),
    pythonStringLiteral(`event: ${data.split('\n')[0]}\n\n`),
    pythonStringLiteral(`data: ${next}\n\n`),
  ];
  return {
    ask: { kind: 'frame-bytes', k },
    prompt: `Which exact bytes does the server send for the ${ordinal(k)} message?`,
    ...buildOptions(
      pythonStringLiteral(frame),
      distractors,
      (x) => pythonStringLiteral(`data: ${numbered(trace.params.template, k + 1 + x)}\n\n`),
      random,
    ),
    explanation:
      "Each line of the message goes out as 'data: ' plus the line, and a blank line ends the frame: " +
      `step ${row.step} shows exactly ${pythonStringLiteral(frame)}.`,
    hint: {
      text: `Read the Action column of step ${row.step}: the yield shows the bytes, with \\n for each line break.`,
      target: { table: 'execution', steps: [row.step], columns: ['Action'] },
    },
  };
};

/** What `EventSource` does after the generator ends and the server closes the response. */
export const eventSourceEndQuestion: QuestionGenerator<'eventsource-end'> = (trace, _ask, random) => {
  const close = closeStep(trace);
  return {
    ask: { kind: 'eventsource-end' },
    prompt: `At step ${close} the generator ends and the server closes the response. What does a browser's EventSource do next?`,
    ...buildOptions(
      'It fires an error event, waits the retry time, then reconnects, and the generator runs again from the start',
      [
        'Nothing: it stays closed until the page reloads',
        'It replays the last message it received',
        'It reopens at once and resumes after the last message',
      ],
      (x) => `It throws exception ${x}`,
      random,
    ),
    explanation:
      'To EventSource a closed response is a dropped connection: it reconnects after the retry time ' +
      '(a few seconds unless the server sent \'retry:\'), which is the "or repeats" in the concept flow. ' +
      `This page reads the stream with fetch instead, so it stops at step ${close}.`,
    hint: {
      text: 'Think of the concept flow\'s last box: "Connection closes or repeats".',
      target: { table: 'execution', steps: [close], columns: ['Action', 'Connection State'] },
    },
  };
};
