// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type StreamParams } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { StreamEvent } from '@/lib/trace/types';
import { SEED_RUN_EVENTS } from './runs.fixture';
import { MAX_ANIMATED_ROWS, traceAnimationSvg } from './svg';
import { escapeXml, fitText } from './svg-text';

const rowsOf = (params: StreamParams, events: readonly StreamEvent[]) => reduceEvents(emptyTrace(params), events).rows;

/** Parses as a strict XML parser does: a well-formedness error is a `parsererror` document. */
function parseSvg(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.localName).toBe('svg');
  return document;
}

/** `clock.begin+1.002s` → 1002; `clock.begin` → 0. */
const offsetMs = (begin: string | null) => Math.round(Number(/\+([\d.]+)s$/.exec(begin ?? '')?.[1] ?? 0) * 1000);

describe('traceAnimationSvg', () => {
  const rows = rowsOf(DEFAULT_PARAMS, SEED_RUN_EVENTS);
  const document = parseSvg(traceAnimationSvg(DEFAULT_PARAMS, rows));

  it('is a standalone SVG with a title and a description, and nothing it fetches or runs', () => {
    const svg = document.documentElement;
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(document.querySelector('title')?.textContent).toBe('Server-Sent Events, step by step: a recorded run of 3 messages');
    expect(document.querySelector('desc')?.textContent).toContain("2. Yield 'data: Message 0\\n\\n' (+0.003 s)");
    expect(document.querySelectorAll('script, image, foreignObject, use, a')).toHaveLength(0);
    expect(traceAnimationSvg(DEFAULT_PARAMS, rows)).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\((?!#)/);
  });

  it("shows each row of the table from its arrival time on, with the seed's cells", () => {
    const rowGroups = [...document.querySelectorAll('[data-part="row"]')];
    expect(rowGroups.map((group) => group.getAttribute('data-step'))).toEqual(['1', '2', '3', '4', '5']);
    expect(rowGroups.map((group) => [...group.querySelectorAll('text')].map((text) => text.textContent))[1]).toEqual([
      '2',
      "Yield 'data: Message 0\\n\\n'",
      'Message 0',
      '1',
      'Open',
      '+0.003 s',
    ]);
    // Hidden from the loop's start until the row arrived; the first row is there from the start.
    const hiddenFor = rowGroups.map((group) => group.querySelector('set[attributeName="visibility"]'));
    expect(hiddenFor[0]).toBeNull();
    expect(hiddenFor.slice(1).map((set) => [set!.getAttribute('to'), set!.getAttribute('begin')])).toEqual(
      Array(4).fill(['hidden', 'clock.begin']),
    );
    expect(hiddenFor.slice(1).map((set) => set!.getAttribute('dur'))).toEqual(['0.003s', '1.005s', '2.008s', '3.010s']);
  });

  it('moves the current row and the code line at the rows’ arrival times, and sends each frame along the wire', () => {
    const currentRow = [...document.querySelectorAll('[data-part="current-row"] set')].map((set) => offsetMs(set.getAttribute('begin')));
    expect(currentRow).toEqual(rows.map((row) => Math.round(row.atMs)));
    const codeMoves = [...document.querySelectorAll('[data-part="code-highlight"] set')].map((set) => offsetMs(set.getAttribute('begin')));
    // Each row, and the sleep line lit 300 ms after each yield.
    expect(codeMoves).toEqual([0, 3, 303, 1005, 1305, 2008, 2308, 3010]);
    const packets = [...document.querySelectorAll('circle animate[attributeName="cx"]')].map((animate) =>
      offsetMs(animate.getAttribute('begin')),
    );
    expect(packets).toEqual([3, 1005, 2008]);
    expect([...document.querySelectorAll('[data-part="wire-frame"]')].map((text) => text.textContent)).toEqual([
      "'data: Message 0\\n\\n'",
      "'data: Message 1\\n\\n'",
      "'data: Message 2\\n\\n'",
    ]);
  });

  it('plays again after a hold: every animation starts from one clock that restarts itself', () => {
    const clock = document.getElementById('clock')!;
    expect(clock.getAttribute('begin')).toBe('0s;clock.end');
    expect(clock.getAttribute('dur')).toBe('7.010s');
    const begins = [...document.querySelectorAll('set, animate, animateTransform')]
      .filter((node) => node !== clock)
      .map((node) => node.getAttribute('begin'));
    expect(begins.every((begin) => begin?.startsWith('clock.begin'))).toBe(true);
  });

  it('keeps a hostile template as text: the document stays well-formed and runs nothing', () => {
    const template = `</svg><script>alert(1)</script>&"' 😀\r\nline {i}`;
    const params = { ...DEFAULT_PARAMS, template };
    const hostile = parseSvg(traceAnimationSvg(params, rowsOf(params, expectedEvents(params))));
    expect(hostile.querySelectorAll('script')).toHaveLength(0);
    const dataCell = hostile.querySelector('[data-part="row"][data-step="2"] text:nth-of-type(3)')!.textContent!;
    expect(dataCell).toBe('</svg><scri…');
    expect(hostile.documentElement.textContent).toContain(`'</svg><script>alert(1)</script>&"\\' 😀\\r\\nline {i}'`);
    expect(hostile.querySelector('desc')!.textContent).toContain('</svg><script>alert(1)</script>&"');
  });

  it('animates at most the first rows of a very long run, and says so', () => {
    const params = { ...DEFAULT_PARAMS, n: 400, delayMs: 0 };
    const long = parseSvg(traceAnimationSvg(params, rowsOf(params, expectedEvents(params))));
    expect(long.querySelectorAll('[data-part="row"]')).toHaveLength(MAX_ANIMATED_ROWS);
    expect(long.documentElement.textContent).toContain(
      `402 steps over 0.000 s, at the times the browser saw them (the first ${MAX_ANIMATED_ROWS} shown`,
    );
  });

  it('scrolls the table once it is full, and shows the last rows when nothing animates', () => {
    const params = { ...DEFAULT_PARAMS, n: 20, delayMs: 100 };
    const scrolling = parseSvg(traceAnimationSvg(params, rowsOf(params, expectedEvents(params))));
    const body = scrolling.querySelector('[data-part="table-rows"]')!;
    expect(body.getAttribute('transform')).toBe('translate(0 -300)');
    const scrolls = [...body.querySelectorAll(':scope > animateTransform')];
    expect(scrolls[0]!.getAttribute('to')).toBe('0 0');
    expect(scrolls.at(-1)!.getAttribute('to')).toBe('0 -300');
  });
});

describe('svg text', () => {
  it('escapes markup and quotes, and replaces what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('bell\u0007 lone\ud800 pair😀')).toBe('bell\ufffd lone\ufffd pair😀');
  });

  it('cuts text by characters, never through an emoji', () => {
    expect(fitText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(fitText('short', 10)).toBe('short');
  });
});
