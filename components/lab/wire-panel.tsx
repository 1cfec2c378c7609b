'use client';

import { useMemo, useState } from 'react';
import { findBursts, visibleBytes, type WireItem, type WireItemKind } from '@/lib/lesson/wire-log';
import { formatArrival } from '@/lib/trace/format';
import { useLessonStore } from '../lesson-store-provider';

/** The most reads the panel lists at once: the latest ones. */
const ROWS_ON_SHOW = 200;

const KIND_LABELS: Record<WireItemKind, string> = { event: 'events', comment: 'comments', retry: 'retry' };

/** One parsed field, as the wire panel shows it beside the bytes it came from. */
function ParsedItem({ item }: { item: WireItem }) {
  switch (item.kind) {
    case 'event':
      return (
        <li className="parsed parsed-event">
          {item.id !== undefined && <span className="field-chip">id: {item.id}</span>}
          {item.event !== undefined && <span className="field-chip">event: {item.event}</span>}
          <span className="field-chip">data: {item.data}</span>
        </li>
      );
    case 'retry':
      return (
        <li className="parsed parsed-retry">
          <span className="field-chip">retry: {item.retryMs}</span>
        </li>
      );
    case 'comment':
      return (
        <li className="parsed parsed-comment">
          <span className="field-chip">comment: {item.comment}</span>
        </li>
      );
  }
}

/** A read's bytes, with every CR and LF drawn as a mark so line endings can be counted. */
function Bytes({ text }: { text: string }) {
  return (
    <code className="wire-bytes">
      {visibleBytes(text).map((token, k) =>
        token.kind === 'text' ? (
          <span key={k}>{token.text}</span>
        ) : (
          <span key={k} className="line-end" title={token.kind === 'cr' ? 'CR (\\r)' : 'LF (\\n)'}>
            {token.kind === 'cr' ? '␍' : '␊'}
            {token.kind === 'lf' && <br />}
          </span>
        ),
      )}
    </code>
  );
}

/**
 * Every read of the response body as it arrived — its bytes with line endings made visible, its
 * size and time, the connection it came on — and what eventsource-parser made of it, beside it.
 * Reads that delivered frames together, although the generator sleeps between them, are flagged
 * as a burst: what a buffering proxy or compression does to a stream (try `buffer`).
 */
export function WirePanel() {
  const wire = useLessonStore((state) => state.wire);
  const transport = useLessonStore((state) => state.runTransport ?? state.transport);
  const delayMs = useLessonStore((state) => state.runParams?.delayMs ?? null);
  const clearWire = useLessonStore((state) => state.actions.clearWire);
  const [shown, setShown] = useState<Record<WireItemKind, boolean>>({ event: true, comment: true, retry: true });
  const [search, setSearch] = useState('');

  const burstChunks = useMemo(() => {
    const events = wire.items.filter((item) => item.kind === 'event');
    const arrivals = events.map((item) => wire.chunks[item.chunk - wire.dropped]?.atMs ?? 0);
    const flagged = new Set<number>();
    for (const group of findBursts(arrivals, delayMs ?? 0)) for (const index of group) flagged.add(events[index]!.chunk);
    return flagged;
  }, [wire, delayMs]);

  if (transport === 'eventsource') {
    return (
      <p className="muted">
        EventSource hands a page its messages, never the bytes. Switch the client to <strong>fetch</strong> and run again to see every read
        of the response as it arrives.
      </p>
    );
  }

  const itemsByChunk = new Map<number, WireItem[]>();
  for (const item of wire.items) {
    if (!shown[item.kind]) continue;
    itemsByChunk.set(item.chunk, [...(itemsByChunk.get(item.chunk) ?? []), item]);
  }
  const rows = wire.chunks
    .map((chunk, index) => ({ chunk, index: wire.dropped + index }))
    .filter(
      ({ chunk, index }) =>
        (search === '' || chunk.text.includes(search)) && (itemsByChunk.has(index) || Object.values(shown).every(Boolean)),
    );
  const onShow = rows.slice(-ROWS_ON_SHOW);
  const hidden = rows.length - onShow.length + wire.dropped;

  return (
    <div className="wire-panel">
      <div className="wire-controls" role="group" aria-label="Filter the wire log">
        {(Object.keys(KIND_LABELS) as WireItemKind[]).map((kind) => (
          <label key={kind} className="wire-filter">
            <input type="checkbox" checked={shown[kind]} onChange={(event) => setShown({ ...shown, [kind]: event.target.checked })} />{' '}
            {KIND_LABELS[kind]}
          </label>
        ))}
        <label className="wire-search">
          <span className="visually-hidden">Find in the bytes</span>
          <input type="search" placeholder="Find in the bytes" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <button type="button" className="button button-small" onClick={clearWire}>
          Clear
        </button>
      </div>
      {wire.chunks.length === 0 ? (
        <p className="muted">Run the stream: each read of the response body appears here as it arrives.</p>
      ) : (
        <div className="table-scroll wire-scroll" tabIndex={0} role="region" aria-label="Wire log, scrollable">
          <table className="lesson-table wire-table">
            <caption>Reads of the response body{hidden > 0 && <span className="caption-note"> — {hidden} earlier not shown</span>}</caption>
            <thead>
              <tr>
                <th scope="col">Arrived</th>
                <th scope="col">Conn.</th>
                <th scope="col">Bytes as read (␍ CR, ␊ LF)</th>
                <th scope="col">Parsed</th>
              </tr>
            </thead>
            <tbody>
              {onShow.map(({ chunk, index }) => (
                <tr key={index} className={burstChunks.has(index) ? 'wire-burst' : undefined}>
                  <td className="cell-arrival">{formatArrival(chunk.atMs)}</td>
                  <td>{chunk.connection}</td>
                  <td>
                    <Bytes text={chunk.text} />
                    <span className="wire-size">{chunk.bytes} B</span>
                  </td>
                  <td>
                    {burstChunks.has(index) && <p className="burst-flag">Burst: these frames arrived together</p>}
                    <ul className="parsed-list">
                      {(itemsByChunk.get(index) ?? []).map((item, k) => (
                        <ParsedItem key={k} item={item} />
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
