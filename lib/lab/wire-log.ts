import type { SseItem } from '@/lib/sse/read';

/**
 * The wire panel's model: every chunk of bytes the client read, as it arrived, and what the
 * parser made of it. Pure: the reader (`readSse` in lib/sse/read.ts) reads, the fetch client
 * records, this module only describes.
 */

/** One read from the response body: its text (UTF-8, decoded across reads) and when it came. */
export interface WireChunk {
  /** Milliseconds since the first connection opened. */
  atMs: number;
  text: string;
  /** The bytes read, before decoding. */
  bytes: number;
  /** Which connection of the run carried it (1 for the first; a reconnect makes 2, 3…). */
  connection: number;
}

/** A WireItem before the log says which chunk it came from: what the reader reported while reading a chunk. */
export type WireItemData = SseItem;

/** What the reader reported while reading a chunk, and which chunk (counting from the run's first) it was. */
export type WireItem = SseItem & { chunk: number };

export type WireItemKind = WireItem['kind'];

/** A run of text, or a line ending drawn as a mark (`␍`, `␊`) so it can be seen and counted. */
export type ByteToken = { kind: 'text'; text: string } | { kind: 'cr' } | { kind: 'lf' };

/** A chunk's text with every CR and LF made visible; a CRLF is the two marks, in order. */
export function visibleBytes(text: string): ByteToken[] {
  const tokens: ByteToken[] = [];
  let run = '';
  for (const char of text) {
    if (char !== '\r' && char !== '\n') {
      run += char;
      continue;
    }
    if (run) tokens.push({ kind: 'text', text: run });
    run = '';
    tokens.push({ kind: char === '\r' ? 'cr' : 'lf' });
  }
  if (run) tokens.push({ kind: 'text', text: run });
  return tokens;
}

/** Frames closer together than this arrived together, whatever the schedule. */
export const BURST_WINDOW_MS = 15;

/**
 * Groups of events (by index) that arrived together although the generator yields them
 * `delayMs` apart: a buffering proxy, a compressing server or `buffer=K` hands them over in a
 * batch. With no sleep between yields every frame is due at once, so nothing is a burst.
 */
export function findBursts(arrivals: readonly number[], delayMs: number): number[][] {
  if (delayMs < BURST_WINDOW_MS * 2) return [];
  const bursts: number[][] = [];
  let group: number[] = [];
  arrivals.forEach((atMs, index) => {
    if (group.length > 0 && atMs - arrivals[group[0]!]! <= BURST_WINDOW_MS) {
      group.push(index);
      return;
    }
    if (group.length > 1) bursts.push(group);
    group = [index];
  });
  if (group.length > 1) bursts.push(group);
  return bursts;
}

/** The most chunks a run's log keeps; beyond it the oldest go (and the panel says how many). */
export const WIRE_LOG_KEEP = 5000;

/** What the wire panel shows of the run: the chunks read, what they parsed to, and how many old chunks were let go. */
export interface WireLog {
  chunks: readonly WireChunk[];
  items: readonly WireItem[];
  dropped: number;
}

/** What the reader reports for the log, in the order it happened: a read, or what the parser made of it. */
export type WireLogEntry = { kind: 'chunk'; chunk: WireChunk } | { kind: 'item'; item: WireItemData };

/** The log with entries added: each item tied to the chunk it came in; past WIRE_LOG_KEEP chunks, the oldest go. */
export function appendWire(log: WireLog, entries: readonly WireLogEntry[]): WireLog {
  const chunks = [...log.chunks];
  const items = [...log.items];
  for (const entry of entries) {
    if (entry.kind === 'chunk') chunks.push(entry.chunk);
    else items.push({ ...entry.item, chunk: log.dropped + chunks.length - 1 });
  }
  const over = Math.max(0, chunks.length - WIRE_LOG_KEEP);
  if (over === 0) return { chunks, items, dropped: log.dropped };
  const dropped = log.dropped + over;
  return { chunks: chunks.slice(over), items: items.filter((item) => item.chunk >= dropped), dropped };
}
