import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { executionTableNote, sampleSummary } from '../lesson/content';
import { flaskSource } from './flask-code';

const FLASK_POSITION_LINES = flaskSource(DEFAULT_PARAMS).positions as Record<'request' | 'start' | 'yield' | 'sleep', number>;

describe('flaskSource', () => {
  it("is the seed's example for the seed parameters", () => {
    expect(flaskSource(DEFAULT_PARAMS).code).toBe(
      [
        'from flask import Flask, Response',
        'import time',
        '',
        'app = Flask(__name__)',
        '',
        "@app.route('/stream')",
        'def stream():',
        '    def event_stream():',
        '        for i in range(3):',
        "            yield f'data: Message {i}\\n\\n'",
        '            time.sleep(1)',
        "    return Response(event_stream(), mimetype='text/event-stream')",
      ].join('\n'),
    );
  });

  it('substitutes the parameters, escaping the template for a Python f-string', () => {
    const { code, slots } = flaskSource({ n: 5, delayMs: 250, template: "it's {i} {x} \\" });
    const lines = code.split('\n');
    expect(lines[8]).toBe('        for i in range(5):');
    expect(lines[9]).toBe("            yield f'data: it\\'s {i} {{x}} \\\\\\n\\n'");
    expect(lines[10]).toBe('            time.sleep(0.25)');
    expect(slots.map((slot) => lines[slot.line]!.slice(slot.start, slot.end))).toEqual(['5', "it\\'s {i} {{x}} \\\\", '0.25']);
  });

  it.each([
    ['LF', 'Line A {i}\nLine B {i}'],
    ['CRLF', 'Line A {i}\r\nLine B {i}'],
    ['a lone CR', 'Line A {i}\rLine B {i}'],
  ])('gives each line of a template split by %s its own data: inside the one f-string', (_, template) => {
    const lines = flaskSource({ n: 3, delayMs: 1000, template }).code.split('\n');
    expect(lines[FLASK_POSITION_LINES.yield]).toBe("            yield f'data: Line A {i}\\ndata: Line B {i}\\n\\n'");
  });

  it('keeps empty lines, as the stream does: each is a data: line with nothing after it', () => {
    const lines = flaskSource({ n: 3, delayMs: 1000, template: 'a\n\nb\r' }).code.split('\n');
    expect(lines[FLASK_POSITION_LINES.yield]).toBe("            yield f'data: a\\ndata: \\ndata: b\\ndata: \\n\\n'");
  });

  it('slots start and end at UTF-16 columns, so text after an emoji is still replaced exactly', () => {
    const { code, slots } = flaskSource({ n: 3, delayMs: 1000, template: '🎉 {i}\n👩‍👩‍👧' });
    const lines = code.split('\n');
    const template = slots.find((slot) => slot.name === 'template')!;
    expect(lines[template.line]!.slice(template.start, template.end)).toBe('🎉 {i}\\ndata: 👩‍👩‍👧');
    expect(lines[template.line]!.slice(template.end)).toBe("\\n\\n'");
  });

  it('points each position at the line that runs it', () => {
    const lines = flaskSource(DEFAULT_PARAMS).code.split('\n');
    expect(lines[FLASK_POSITION_LINES.yield]).toContain('yield');
    expect(lines[FLASK_POSITION_LINES.sleep]).toContain('time.sleep');
    expect(lines[FLASK_POSITION_LINES.start]).toContain('for i in range');
    expect(lines[FLASK_POSITION_LINES.request]).toContain('return Response');
  });
});

describe('sampleSummary and executionTableNote', () => {
  it("are the seed's sentences for the seed parameters", () => {
    expect(sampleSummary(DEFAULT_PARAMS)).toBe(
      'This Flask code streams three messages to the client, one every second, using Server-Sent Events.',
    );
    expect(executionTableNote(DEFAULT_PARAMS)).toBe('Generator finishes after sending 3 messages, connection closes.');
  });

  it('follow other parameters', () => {
    expect(sampleSummary({ n: 1, delayMs: 250, template: 'x' })).toBe(
      'This Flask code streams one message to the client, one every 0.25 seconds, using Server-Sent Events.',
    );
    expect(sampleSummary({ n: 40, delayMs: 0, template: 'x' })).toContain('40 messages to the client, with no pause between them');
  });
});
