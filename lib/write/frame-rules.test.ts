import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSse } from '../sse/read';
import { checkYields, SILENCE_LIMIT_MS, type Finding, type RuleId, type YieldRecord, type YieldValue } from './frame-rules';
import { dataOf, readBlocks, splitLines } from './lines';

/** Yields of str values, one per source line from 10, a second apart. */
function run(...values: Array<string | YieldValue>): YieldRecord[] {
  return values.map((value, index) => ({
    index,
    line: 10 + index,
    atMs: index * 1000,
    value: typeof value === 'string' ? { kind: 'str', text: value } : value,
  }));
}

const rules = (findings: readonly Finding[]) => findings.map((finding) => finding.rule);
const only = (findings: readonly Finding[], rule: RuleId) => findings.filter((finding) => finding.rule === rule);
const message = (data: string, more: object = {}) => ({ type: 'message', data, lastEventId: '', onmessage: true, ...more });

describe('checkYields', () => {
  it("finds nothing in the seed's three frames and dispatches three messages", () => {
    const { findings, dispatched } = checkYields(run('data: Message 0\n\n', 'data: Message 1\n\n', 'data: Message 2\n\n'));
    expect(findings).toEqual([]);
    expect(dispatched).toEqual([
      message('Message 0', { yieldIndex: 0, line: 10 }),
      message('Message 1', { yieldIndex: 1, line: 11 }),
      message('Message 2', { yieldIndex: 2, line: 12 }),
    ]);
  });

  describe('no-blank-line', () => {
    it('says the last frame without a blank line is never dispatched', () => {
      const { findings, dispatched } = checkYields(run('data: a\n\n', 'data: b\n'));
      expect(findings).toEqual([
        {
          rule: 'no-blank-line',
          severity: 'error',
          yieldIndex: 1,
          line: 11,
          bytes: 'data: b\\n',
          message:
            'No blank line after this frame, so the browser never dispatches it: at the end of the stream it throws an unfinished frame away.',
          fix: expect.stringContaining('\\n\\n'),
        },
      ]);
      expect(dispatched.map((event) => event.data)).toEqual(['a']);
    });

    it('discards a frame with no end of line at all when the stream ends (the reader agrees)', () => {
      const { findings, dispatched } = checkYields(run('data: a'));
      expect(rules(findings)).toEqual(['no-blank-line']);
      expect(dispatched).toEqual([]);
    });

    it('is only a warning while the stream runs: a blank line may still come', () => {
      const { findings } = checkYields(run('data: a\n'), { ended: false });
      expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([['no-blank-line', 'warning']]);
    });

    it('says which data lines join when the next frame completes the block', () => {
      const { findings, dispatched } = checkYields(run('data: Message 0\n', 'data: Message 1\n\n'));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ rule: 'no-blank-line', severity: 'warning', yieldIndex: 0, line: 10 });
      expect(findings[0]!.message).toBe(
        'No blank line after this frame, so the next frame joins it: the browser dispatches one message with data "Message 0\\nMessage 1" (its data lines joined with \\n).',
      );
      expect(dispatched).toEqual([message('Message 0\nMessage 1', { yieldIndex: 1, line: 11 })]);
    });

    it('does not fire when a frame is written in pieces whose data is in one yield', () => {
      expect(checkYields(run('event: tick\n', 'data: 1\n', '\n')).findings.filter((f) => f.rule === 'no-blank-line')).toEqual([]);
    });
  });

  describe('no-field-name and unknown-field', () => {
    it('says a line without a colon is ignored and nothing is dispatched', () => {
      const { findings, dispatched } = checkYields(run('Message 0\n\n'));
      expect(findings).toEqual([
        {
          rule: 'no-field-name',
          severity: 'error',
          yieldIndex: 0,
          line: 10,
          bytes: 'Message 0\\n',
          message:
            'This line has no "data:", so the browser reads all of "Message 0" as a field name, finds no field called that, and ignores the line. Nothing is dispatched for this frame.',
          fix: 'Start the line with "data: ": data: Message 0',
        },
      ]);
      expect(dispatched).toEqual([]);
    });

    it.each([
      ['Data: x\n\n', 'data'],
      ['date: x\n\n', 'data'],
      ['evnt: x\ndata: y\n\n', 'event'],
      ['data : x\n\n', 'data'],
    ])('ignores the misspelt field in %j and suggests %s', (text, meant) => {
      const found = only(checkYields(run(text)).findings, 'unknown-field');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain('case-sensitive');
      expect(found[0]!.fix).toBe(`Write "${meant}:" exactly, in lowercase with nothing before the colon.`);
    });

    it('does not fire on the four field names, a bare "data" line, or a comment', () => {
      const { findings } = checkYields(run(': hi\nretry: 10\nid: 1\nevent: message\ndata: x\ndata\n\n'));
      expect(findings).toEqual([]);
    });
  });

  describe('lone-cr', () => {
    it('explains that a lone \\r ends the line, so what follows is a field of its own', () => {
      const { findings, dispatched } = checkYields(run('data: a\rb\n\n'));
      const found = only(findings, 'lone-cr');
      expect(found).toEqual([
        expect.objectContaining({
          severity: 'warning',
          yieldIndex: 0,
          bytes: 'data: a\\rb\\n',
          message:
            'A \\r without \\n after it ends the line, just as \\n does: the browser reads "data: a" up to the \\r, and "b" is a new line.',
        }),
      ]);
      expect(rules(findings)).toContain('no-field-name');
      expect(dispatched.map((event) => event.data)).toEqual(['a']);
    });

    it('does not fire on CRLF, even split between two yields', () => {
      expect(checkYields(run('data: a\r\n\r\n', 'data: b\r', '\n\r\n')).findings).toEqual([]);
    });

    it('waits for the next yield when a running stream ends in \\r', () => {
      expect(only(checkYields(run('data: a\n\r'), { ended: false }).findings, 'lone-cr')).toEqual([]);
    });
  });

  describe('not-text', () => {
    it('says what Flask does with an int, and sends nothing after it', () => {
      const { findings, dispatched } = checkYields(run('data: a\n\n', { kind: 'other', pythonType: 'int', repr: '5' }, 'data: b\n\n'));
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'not-text',
          severity: 'error',
          yieldIndex: 1,
          line: 11,
          bytes: '5',
          message: expect.stringMatching(
            /^Flask can only send str or bytes, and this yield is an int \(5\)\. .*applications must write bytes/,
          ),
        }),
      ]);
      expect(dispatched.map((event) => event.data)).toEqual(['a']);
    });

    it('suggests json.dumps for a dict and notes a bare yield for None', () => {
      const dict = checkYields(run({ kind: 'other', pythonType: 'dict', repr: "{'a': 1}" })).findings[0]!;
      expect(dict.fix).toContain('json.dumps');
      const none = checkYields(run({ kind: 'other', pythonType: 'NoneType', repr: 'None' })).findings[0]!;
      expect(none.fix).toContain('bare `yield`');
    });

    it('does not fire on bytes', () => {
      const { findings, dispatched } = checkYields(run({ kind: 'bytes', bytes: new TextEncoder().encode('data: é\n\n') }));
      expect(findings).toEqual([]);
      expect(dispatched.map((event) => event.data)).toEqual(['é']);
    });
  });

  describe('json-split and json-multiline', () => {
    it('says JSON continued on lines without data: is cut', () => {
      const { findings, dispatched } = checkYields(run('data: {\n  "a": 1\n}\n\n'));
      expect(rules(findings)).toEqual(['json-split']);
      expect(findings[0]).toMatchObject({ severity: 'error', bytes: 'data: {\\n  "a": 1\\n}\\n' });
      expect(findings[0]!.message).toBe(
        'Your JSON goes on over 2 lines without "data:", and the browser ignores them. The data it dispatches is "{", which JSON.parse cannot read.',
      );
      expect(dispatched.map((event) => event.data)).toEqual(['{']);
    });

    it('only informs when every line of the JSON has data: (JSON.parse still works)', () => {
      const { findings, dispatched } = checkYields(run('data: {\ndata:   "a": 1\ndata: }\n\n'));
      expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([
        ['json-multiline', 'info'],
        ['data-leading-space', 'info'],
      ]);
      expect(JSON.parse(dispatched[0]!.data)).toEqual({ a: 1 });
    });

    it('does not fire on JSON on one line', () => {
      expect(checkYields(run('data: {"a": 1}\n\n')).findings).toEqual([]);
    });
  });

  describe('named-event', () => {
    it('says onmessage never sees a named event', () => {
      const { findings, dispatched } = checkYields(run('event: tick\ndata: 1\n\n'));
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'named-event',
          severity: 'info',
          bytes: 'event: tick\\n',
          message: 'This event\'s type is "tick", so onmessage never sees it: onmessage only gets events of type "message".',
          fix: "Listen for it with source.addEventListener('tick', (event) => …), or leave out the event: line.",
        }),
      ]);
      expect(dispatched).toEqual([message('1', { type: 'tick', onmessage: false, yieldIndex: 0, line: 10 })]);
    });

    it('does not fire for an empty event or event: message', () => {
      const { findings, dispatched } = checkYields(run('event:\ndata: 1\n\nevent: message\ndata: 2\n\n'));
      expect(findings).toEqual([]);
      expect(dispatched.map((event) => event.onmessage)).toEqual([true, true]);
    });
  });

  describe('silent-endless', () => {
    const at = (atMs: number, text: string): YieldRecord => ({ index: 0, line: 5, atMs, value: { kind: 'str', text } });

    it(`warns when a running stream has sent nothing for ${SILENCE_LIMIT_MS / 1000} s`, () => {
      const { findings } = checkYields([at(0, 'data: a\n\n')], { ended: false, nowMs: SILENCE_LIMIT_MS + 3000 });
      expect(findings).toEqual([
        expect.objectContaining({
          rule: 'silent-endless',
          severity: 'warning',
          yieldIndex: 0,
          line: 5,
          fix: expect.stringContaining(': keep-alive\\n\\n'),
        }),
      ]);
      expect(findings[0]!.message).toMatch(/^Nothing was sent for 18 s after this yield\. Proxies and load balancers/);
    });

    it('counts a keep-alive comment as sending, but not an empty yield', () => {
      const comment = [at(0, 'data: a\n\n'), { ...at(10_000, ': keep-alive\n\n'), index: 1 }];
      expect(checkYields(comment, { ended: false, nowMs: 20_000 }).findings).toEqual([]);
      const empty = [at(0, 'data: a\n\n'), { ...at(10_000, ''), index: 1 }];
      expect(rules(checkYields(empty, { ended: false, nowMs: 20_000 }).findings)).toEqual(['silent-endless']);
    });

    it('warns about a silence before a yield, and not about one just under the limit', () => {
      const late = [at(0, 'data: a\n\n'), { ...at(SILENCE_LIMIT_MS, 'data: b\n\n'), index: 1 }];
      expect(only(checkYields(late).findings, 'silent-endless')[0]!.message).toMatch(/^Nothing was sent for 15 s before this yield/);
      const soon = [at(0, 'data: a\n\n'), { ...at(SILENCE_LIMIT_MS - 1, 'data: b\n\n'), index: 1 }];
      expect(checkYields(soon, { ended: false, nowMs: SILENCE_LIMIT_MS }).findings).toEqual([]);
    });
  });

  describe('bom, id-with-null, retry-not-digits, data-leading-space', () => {
    it('notes a byte order mark at the start, which the browser strips', () => {
      const { findings, dispatched } = checkYields(run('\uFEFFdata: a\n\n'));
      expect(findings).toEqual([expect.objectContaining({ rule: 'bom', severity: 'info', yieldIndex: 0, bytes: '\\ufeffdata: a' })]);
      expect(dispatched.map((event) => event.data)).toEqual(['a']);
    });

    it('keeps a second byte order mark, inside the field name', () => {
      expect(rules(checkYields(run('\uFEFF\uFEFFdata: a\n\n')).findings)).toEqual(['unknown-field', 'bom']);
    });

    it('ignores an id with NUL: lastEventId keeps its value', () => {
      const { findings, dispatched } = checkYields(run('id: 1\ndata: a\n\n', 'id: 2\0\ndata: b\n\n'));
      expect(findings.map((finding) => [finding.rule, finding.yieldIndex])).toEqual([['id-with-null', 1]]);
      expect(dispatched.map((event) => event.lastEventId)).toEqual(['1', '1']);
    });

    it('ignores a retry that is not only digits, and accepts one that is', () => {
      expect(rules(checkYields(run('retry: 3s\ndata: a\n\n')).findings)).toEqual(['retry-not-digits']);
      expect(checkYields(run('retry: 3000\ndata: a\n\n')).findings).toEqual([]);
    });

    it('notes that only one space after data: is removed', () => {
      const { findings, dispatched } = checkYields(run('data:  x\n\n', 'data: y\n\n', 'data:z\n\n'));
      expect(findings.map((finding) => [finding.rule, finding.yieldIndex])).toEqual([['data-leading-space', 0]]);
      expect(dispatched.map((event) => event.data)).toEqual([' x', 'y', 'z']);
    });
  });

  it('keeps the last event ID across blocks, even one set by a block without data, and resets it with an empty id', () => {
    const { dispatched } = checkYields(run('id: 7\n\n', 'data: a\n\n', 'id\ndata: b\n\n'));
    expect(dispatched.map((event) => event.lastEventId)).toEqual(['7', '']);
  });
});

describe('properties', () => {
  const textLine = fc.string({ unit: 'grapheme' }).filter((text) => !/[\r\n]/.test(text));
  const name = fc.stringMatching(/^[a-z]{1,8}$/);
  const frame = fc.record({
    data: textLine,
    event: fc.option(name, { nil: undefined }),
    id: fc.option(fc.stringMatching(/^[0-9a-z]{1,6}$/), { nil: undefined }),
  });

  it('well-formed frames give no errors and dispatch exactly their messages', () => {
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 8 }), (frames) => {
        const text = (f: (typeof frames)[number]) =>
          `${f.event ? `event: ${f.event}\n` : ''}${f.id ? `id: ${f.id}\n` : ''}data: ${f.data}\n\n`;
        const { findings, dispatched } = checkYields(run(...frames.map(text)));
        expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
        let lastEventId = '';
        const expected = frames.map((f, index) => {
          if (f.id) lastEventId = f.id;
          const type = f.event || 'message';
          return { type, data: f.data, lastEventId, onmessage: type === 'message', yieldIndex: index, line: 10 + index };
        });
        expect(dispatched).toEqual(expected);
      }),
    );
  });

  it('the blocks agree with the reader on any text: same events, same data, same types', () => {
    const piece = fc.constantFrom(
      'data',
      'data:',
      ': ',
      'event:',
      'x',
      ' ',
      'id:',
      'retry:',
      'Data:',
      '\0',
      '{',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
      ':',
      'é',
      '\uFEFF',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')),
        (text) => {
          const messages = parseSse(text).filter((item) => item.kind === 'event');
          const blocks = readBlocks(splitLines(text, text.startsWith('\uFEFF') ? 1 : 0)).filter((block) => block.dispatches);
          expect(blocks.map((block) => [dataOf(block), block.type])).toEqual(messages.map((m) => [m.data, m.event ?? 'message']));
        },
      ),
    );
  });

  it('checkYields reads any text, split into yields anywhere, as the reader does', () => {
    const piece = fc.constantFrom('data: a', 'data:', 'event: e', 'id: 1', 'x', '{', '\n', '\r', '\r\n', '\n\n', ': k', 'é');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join('')),
          { maxLength: 8 },
        ),
        (texts) => {
          const { dispatched } = checkYields(run(...texts));
          const messages = parseSse(texts.join('')).filter((item) => item.kind === 'event');
          expect(dispatched.map((event) => [event.type, event.data])).toEqual(messages.map((m) => [m.event ?? 'message', m.data]));
        },
      ),
    );
  });
});
