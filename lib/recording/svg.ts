import type { StreamParams } from '@/lib/contract/params';
import { flaskSource } from '@/lib/code/flask-code';
import type { CodePosition } from '@/lib/code/flask-slots';
import { formatArrival, pythonStringLiteral } from '@/lib/trace/format';
import { EXECUTION_COLUMNS, executionCells } from '@/lib/trace/table';
import type { ExecutionRow } from '@/lib/trace/types';
import { clockValue, escapeXml, fitText, oneLine } from './svg-text';

/*
 * "Download animation (SVG)": the run as a self-contained animated SVG (SMIL, no script, no font
 * or image fetched), 1280×720 so it drops into a 16:9 slide. The code's executing line, the wire
 * with the latest frame and the Execution Table replay at the recorded arrival times, then hold
 * and play again. A viewer without SMIL (a slide program that only draws SVG) shows the end of
 * the run: every element's own attributes are the final state, and the animation only hides or
 * moves things before their time.
 */

/** Rows beyond this are left out of the animation (a 10,000-frame run would be megabytes); the CSV has every row. */
export const MAX_ANIMATED_ROWS = 300;
/** How long the finished run stays on screen before the animation starts again. */
export const HOLD_MS = 4000;
const WIDTH = 1280;
const HEIGHT = 720;
const CODE = { x: 24, top: 108, width: 552, linePx: 22 };
const WIRE = { server: 596, browser: 1114, boxWidth: 150, top: 96, y: 120 };
const TABLE = { x: 596, top: 222, rowPx: 30, visibleRows: 12 };
const COLUMNS = [
  { width: 44, mono: false },
  { width: 220, mono: true },
  { width: 100, mono: true },
  { width: 110, mono: false },
  { width: 124, mono: false },
  { width: 70, mono: false },
] as const;
const TABLE_WIDTH = COLUMNS.reduce((sum, column) => sum + column.width, 0);
/** Character widths of 12-px text, rounded up, to cut a cell before it overflows. */
const CHAR_PX = { mono: 7.5, sans: 7 };
/** Where the code highlight goes when no line runs (an error, a Stop): off the canvas. */
const NO_LINE_Y = -100;

const STYLE = `
text{font:12px system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;fill:#111}
.mono{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace}
.title{font-size:24px;font-weight:700}.sub{font-size:14px;fill:#333}.head{font-weight:700}
.code{white-space:pre}.panel{fill:#f6f8fa;stroke:#d0d7de}
.lit{fill:#ffe58a;stroke:#b08800}.current{fill:#dbeafe;stroke:#1d4ed8}
.box{fill:#fff;stroke:#111;stroke-width:1.5}.wire{stroke:#111;stroke-width:2}
.open{fill:#166534;font-weight:700}.closed{fill:#991b1b;font-weight:700}.rule{stroke:#d0d7de}`;

/**
 * The times the animation uses, in whole milliseconds (as the clock values are written), never
 * decreasing: a row never appears before the one above it.
 */
function animationTimes(rows: readonly ExecutionRow[]): number[] {
  let latest = 0;
  return rows.map((row) => (latest = Math.max(latest, Math.round(row.atMs))));
}

const at = (ms: number) => (ms <= 0 ? 'clock.begin' : `clock.begin+${clockValue(ms)}`);
const set = (attribute: string, to: string | number, begin: string) => `<set attributeName="${attribute}" to="${to}" begin="${begin}"/>`;
/** A `set` for `durMs` from `startMs` on; nothing when that is no time at all (SMIL refuses a zero `dur`). */
const during = (attribute: string, to: string, startMs: number, durMs: number) =>
  durMs > 0 ? `<set attributeName="${attribute}" to="${to}" begin="${at(startMs)}" dur="${clockValue(durMs)}"/>` : '';

/** The code position a row lights, as the page's code panel does (`use-code-position.ts`). */
function rowPosition(row: ExecutionRow): CodePosition | null {
  switch (row.kind) {
    case 'start':
      return 'start';
    case 'reopen':
      return 'request';
    case 'no-content':
      return 'noContent';
    case 'yield':
      return /^event: /m.test(row.frame ?? '') ? 'endEvent' : 'yield';
    case 'end':
      return 'end';
    default:
      return null;
  }
}

/** The code panel: the Flask source, and a highlight that moves to each row's line (and to the sleep after a yield). */
function codePanel(params: StreamParams, rows: readonly ExecutionRow[], times: readonly number[]): string {
  const { code, positions } = flaskSource(params);
  const lines = code.split('\n');
  const lineY = (line: number | undefined) => (line === undefined ? NO_LINE_Y : CODE.top + line * CODE.linePx);
  const moves: Array<{ ms: number; y: number }> = [];
  rows.forEach((row, k) => {
    const position = rowPosition(row);
    moves.push({ ms: times[k]!, y: lineY(position === null ? undefined : positions[position]) });
    const next = times[k + 1];
    const glow = row.sleepSeconds === null ? 300 : Math.min(300, row.sleepSeconds * 500);
    if (position === 'yield' && row.sleepSeconds !== 0 && (next === undefined || next > times[k]! + glow)) {
      moves.push({ ms: times[k]! + glow, y: lineY(positions.sleep) });
    }
  });
  const maxChars = Math.floor((CODE.width - 16) / CHAR_PX.mono);
  const text = lines
    .map(
      (line, k) =>
        `<text class="mono code" x="${CODE.x + 8}" y="${CODE.top + k * CODE.linePx + 15}">${escapeXml(fitText(line, maxChars))}</text>`,
    )
    .join('\n');
  const panelHeight = lines.length * CODE.linePx + 12;
  return [
    `<rect class="panel" x="${CODE.x}" y="${CODE.top - 6}" width="${CODE.width}" height="${panelHeight}" rx="6"/>`,
    `<rect class="lit" data-part="code-highlight" x="${CODE.x + 2}" y="${moves.at(-1)?.y ?? NO_LINE_Y}" width="${CODE.width - 4}" height="${CODE.linePx}">`,
    ...moves.map((move) => set('y', move.y, at(move.ms))),
    '</rect>',
    text,
  ].join('\n');
}

/** The wire: server and browser, the latest frame on the line between them, and the connection's state. */
function wirePanel(rows: readonly ExecutionRow[], times: readonly number[]): string {
  const from = WIRE.server + WIRE.boxWidth;
  const to = WIRE.browser;
  const maxChars = Math.floor((to - from - 12) / CHAR_PX.mono);
  const yields = rows.flatMap((row, k) => (row.frame === null ? [] : [{ row, ms: times[k]! }]));
  const frames = yields.map(({ row, ms }, k) => {
    const next = yields[k + 1];
    const label = escapeXml(fitText(pythonStringLiteral(row.frame!), maxChars));
    // Each frame shows until the next one arrives; the last stays (it is what a static viewer sees).
    const timing = next
      ? `visibility="hidden">${during('visibility', 'visible', ms, next.ms - ms)}`
      : `>${during('visibility', 'hidden', 0, ms)}`;
    return `<text class="mono" data-part="wire-frame" data-step="${row.step}" x="${from + 6}" y="${WIRE.y - 8}" ${timing}${label}</text>`;
  });
  const packet = yields
    .map(
      ({ ms }) =>
        `<animate attributeName="cx" from="${from}" to="${to}" begin="${at(ms)}" dur="0.4s"/>${during('visibility', 'visible', ms, 400)}`,
    )
    .join('');
  const states = rows
    .map((row, k) => ({ connection: row.connection, ms: times[k]! }))
    .filter((state, k, all) => k === 0 || state.connection !== all[k - 1]!.connection);
  const stateText = (connection: ExecutionRow['connection']) => {
    const shown = states.filter((state) => state.connection === connection);
    const last = states.at(-1)?.connection === connection;
    const windows = shown.map((state) => {
      const end = states[states.indexOf(state) + 1]?.ms;
      return end === undefined ? set('visibility', 'visible', at(state.ms)) : during('visibility', 'visible', state.ms, end - state.ms);
    });
    // Before its first window, and between windows, each label is hidden; the final one is the static view.
    return `<text class="${connection.toLowerCase()}" x="${from + 6}" y="${WIRE.y + 30}" visibility="${last ? 'visible' : 'hidden'}">${last ? during('visibility', 'hidden', 0, shown.at(-1)!.ms) : ''}${windows.join('')}Connection: ${connection}</text>`;
  };
  return [
    `<rect class="box" x="${WIRE.server}" y="${WIRE.top}" width="${WIRE.boxWidth}" height="48" rx="6"/><text class="head" x="${WIRE.server + 16}" y="${WIRE.top + 29}">Flask server</text>`,
    `<rect class="box" x="${WIRE.browser}" y="${WIRE.top}" width="${WIRE.boxWidth}" height="48" rx="6"/><text class="head" x="${WIRE.browser + 16}" y="${WIRE.top + 29}">Browser</text>`,
    `<line class="wire" x1="${from}" y1="${WIRE.y}" x2="${to}" y2="${WIRE.y}"/><path d="M${to - 10} ${WIRE.y - 6}L${to} ${WIRE.y}L${to - 10} ${WIRE.y + 6}" fill="none" stroke="#111" stroke-width="2"/>`,
    `<circle cx="${from}" cy="${WIRE.y}" r="6" fill="#1d4ed8" visibility="hidden">${packet}</circle>`,
    ...frames,
    ...[...new Set(states.map((state) => state.connection))].map(stateText),
  ].join('\n');
}

/** A row's cells, each cut to its column. */
function rowCells(cells: readonly string[], y: number, className = ''): string {
  let x = 6;
  return cells
    .map((cell, k) => {
      const column = COLUMNS[k]!;
      const maxChars = Math.floor((column.width - 8) / (column.mono ? CHAR_PX.mono : CHAR_PX.sans));
      const classes = [column.mono && 'mono', className].filter(Boolean).join(' ');
      const out = `<text${classes ? ` class="${classes}"` : ''} x="${x}" y="${y}">${escapeXml(fitText(oneLine(cell), maxChars))}</text>`;
      x += column.width;
      return out;
    })
    .join('');
}

/**
 * The Execution Table: rows appear at their arrival, the current one lit, the rows scrolling up
 * once the box is full. (A nested `<svg>` would scroll more simply, but Chromium gives it a clock
 * of its own, so pausing or seeking the animation would leave the table behind.)
 */
function tablePanel(rows: readonly ExecutionRow[], times: readonly number[]): string {
  const { rowPx, visibleRows } = TABLE;
  const height = rowPx * visibleRows;
  const scrollFor = (k: number) => Math.max(0, k - visibleRows + 1) * rowPx;
  const scrollTo = (from: number, to: number, begin: string, dur: string) =>
    `<animateTransform attributeName="transform" type="translate" from="0 ${-from}" to="0 ${-to}" begin="${begin}" dur="${dur}" fill="freeze"/>`;
  const scrolls = rows.flatMap((_, k) => (k >= visibleRows ? [scrollTo(scrollFor(k - 1), scrollFor(k), at(times[k]!), '0.2s')] : []));
  const body = rows.map(
    (row, k) =>
      `<g data-part="row" data-step="${row.step}">${during('visibility', 'hidden', 0, times[k]!)}<line class="rule" x1="0" y1="${(k + 1) * rowPx}" x2="${TABLE_WIDTH}" y2="${(k + 1) * rowPx}"/>${rowCells([...executionCells(row), formatArrival(row.atMs)], k * rowPx + 20)}</g>`,
  );
  const current = rows.map((_, k) => set('y', k * rowPx, at(times[k]!))).join('');
  const bodyTop = TABLE.top + rowPx;
  return [
    `<rect class="panel" x="${TABLE.x}" y="${TABLE.top}" width="${TABLE_WIDTH}" height="${rowPx}"/>`,
    `<g transform="translate(${TABLE.x} ${TABLE.top})">${rowCells([...EXECUTION_COLUMNS, 'Arrived'], 20, 'head')}</g>`,
    `<clipPath id="stepstream-table-box"><rect x="0" y="0" width="${TABLE_WIDTH}" height="${height}"/></clipPath>`,
    `<g transform="translate(${TABLE.x} ${bodyTop})" clip-path="url(#stepstream-table-box)">`,
    `<g data-part="table-rows" transform="translate(0 ${-scrollFor(rows.length - 1)})">`,
    rows.length > visibleRows ? scrollTo(0, 0, 'clock.begin', '0.001s') : '',
    ...scrolls,
    `<rect class="current" data-part="current-row" x="0" y="${(rows.length - 1) * rowPx}" width="${TABLE_WIDTH}" height="${rowPx}">${current}</rect>`,
    ...body,
    '</g></g>',
  ].join('\n');
}

/** What a screen reader (and a slide's alt text) gets: the run in words, step by step. */
function description(params: StreamParams, rows: readonly ExecutionRow[], total: number): string {
  const steps = rows.map((row) => `${row.step}. ${executionCells(row)[1]} (${formatArrival(row.atMs)})`).join('; ');
  const cut = total > rows.length ? ` The first ${rows.length} of ${total} steps are shown.` : '';
  return `A Flask generator, for i in range(${params.n}), streams Server-Sent Events to a browser. The executing line of its code is lit, the latest frame crosses the wire, and the Execution Table fills in at the times the browser recorded.${cut} Steps: ${steps}.`;
}

/**
 * The run as an animated SVG document. `rows` is the recorded trace's table (with arrival times);
 * the animation starts at 0 with the first row and plays them at their `atMs`.
 */
export function traceAnimationSvg(params: StreamParams, allRows: readonly ExecutionRow[]): string {
  const rows = allRows.slice(0, MAX_ANIMATED_ROWS);
  const times = animationTimes(rows);
  const runMs = times.at(-1) ?? 0;
  const sleep = params.mode === 'step' ? 'each sleep ended by the presenter' : `sleep ${params.delayMs / 1000} s`;
  const subtitle = `for i in range(${params.n}) · ${sleep} · template ${pythonStringLiteral(params.template)}`;
  const summary = `${allRows.length} steps over ${(runMs / 1000).toFixed(3)} s, at the times the browser saw them${allRows.length > rows.length ? ` (the first ${rows.length} shown; the CSV has every row)` : ''}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="stepstream-title stepstream-desc">`,
    `<title id="stepstream-title">Server-Sent Events, step by step: a recorded run of ${params.n} message${params.n === 1 ? '' : 's'}</title>`,
    `<desc id="stepstream-desc">${escapeXml(oneLine(description(params, rows, allRows.length)))}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    // The clock every animation starts from: it runs the recording plus a hold, then starts again.
    `<rect width="0" height="0"><animate id="clock" attributeName="x" values="0;0" begin="0s;clock.end" dur="${clockValue(runMs + HOLD_MS)}"/></rect>`,
    `<text class="title" x="24" y="44">Server-Sent Events, step by step</text>`,
    `<text class="sub mono" x="24" y="70">${escapeXml(fitText(oneLine(subtitle), 160))}</text>`,
    codePanel(params, rows, times),
    wirePanel(rows, times),
    `<text class="sub" x="${TABLE.x}" y="${TABLE.top - 12}">Execution Table · ${escapeXml(summary)}</text>`,
    tablePanel(rows, times),
    `<text class="sub" x="24" y="${HEIGHT - 20}">Recorded with Stepstream. Times are milliseconds since the stream opened.</text>`,
    '</svg>',
    '',
  ].join('\n');
}
