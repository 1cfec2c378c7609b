'use client';

import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { findBursts, visibleBytes, type WireItem, type WireItemKind, type WireLog } from '@/lib/lab/wire-log';
import { formatArrival } from '@/lib/trace/format';
import { useLessonStore, useLessonStoreApi } from '../lesson/lesson-store-provider';
import { useOnScreen } from '../ui/use-on-screen';

/** The most reads the panel lists at once: the latest ones. */
const ROWS_ON_SHOW = 200;
/** The most characters of one read drawn, and parsed items listed: a read of a fast stream can hold thousands of frames. */
const CHARS_PER_READ = 600;
const ITEMS_PER_READ = 8;

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

/** A read's bytes, with every CR and LF drawn as a mark so line endings can be counted (the first CHARS_PER_READ of them). */
function Bytes({ text }: { text: string }) {
  const shown = text.length > CHARS_PER_READ ? text.slice(0, CHARS_PER_READ) : text;
  return (
    <code className="wire-bytes">
      {visibleBytes(shown).map((token, k) =>
        token.kind === 'text' ? (
          <span key={k}>{token.text}</span>
        ) : (
          <span key={k} className="line-end" title={token.kind === 'cr' ? 'CR (\\r)' : 'LF (\\n)'}>
            {token.kind === 'cr' ? '␍' : '␊'}
            {token.kind === 'lf' && <br />}
          </span>
        ),
      )}
      {shown !== text && <span className="wire-more"> … {(text.length - shown.length).toLocaleString('en')} more characters</span>}
    </code>
  );
}

/**
 * Every read of the response body as it arrived — its bytes with line endings made visible, its
 * size and time, the connection it came on — and what the reader (`readSse`) parsed from it, beside it.
 * Reads that delivered frames together, although the generator sleeps between them, are flagged
 * as a burst: what a buffering proxy or compression does to a stream (try `buffer`).
 */
export function WirePanel() {
  // The log grows with every frame. The table follows it only while it is on screen, and when the
  // page has time: never in the way of the lesson's own panels (10,000 frames at delay 0 would be).
  const panel = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(panel);
  const store = useLessonStoreApi();
  const subscribe = useCallback((changed: () => void) => (onScreen ? store.subscribe(changed) : () => {}), [onScreen, store]);
  const readWire = () => store.getState().wire;
  const wire = useDeferredValue(useSyncExternalStore(subscribe, readWire, readWire));
  const transport = useLessonStore((state) => state.runTransport ?? state.transport);
  const delayMs = useLessonStore((state) => state.runParams?.delayMs ?? null);
  const clearWire = useLessonStore((state) => state.actions.clearWire);
  const [shown, setShown] = useState<Record<WireItemKind, boolean>>({ event: true, comment: true, retry: true });
  const [search, setSearch] = useState('');

  if (transport === 'eventsource') {
    return (
      <p className="muted">
        EventSource hands a page its messages, never the bytes. Switch the client to <strong>fetch</strong> and run again to see every read
        of the response as it arrives.
      </p>
    );
  }

  return (
    <div className="wire-panel" ref={panel}>
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
        <WireTable wire={wire} delayMs={delayMs ?? 0} shown={shown} search={search} />
      )}
    </div>
  );
}

interface WireTableProps {
  wire: WireLog;
  delayMs: number;
  shown: Record<WireItemKind, boolean>;
  search: string;
}

/** The latest reads that pass the filters, with what each parsed to; bursts flagged. */
const WireTable = memo(function WireTable({ wire, delayMs, shown, search }: WireTableProps) {
  const burstChunks = useMemo(() => {
    const events = wire.items.filter((item) => item.kind === 'event');
    const arrivals = events.map((item) => wire.chunks[item.chunk - wire.dropped]?.atMs ?? 0);
    const flagged = new Set<number>();
    for (const group of findBursts(arrivals, delayMs)) for (const index of group) flagged.add(events[index]!.chunk);
    return flagged;
  }, [wire, delayMs]);

  const itemsByChunk = new Map<number, WireItem[]>();
  for (const item of wire.items) {
    if (!shown[item.kind]) continue;
    const list = itemsByChunk.get(item.chunk);
    if (list) list.push(item);
    else itemsByChunk.set(item.chunk, [item]);
  }
  const showAll = Object.values(shown).every(Boolean);
  const rows: Array<{ chunk: WireLog['chunks'][number]; index: number }> = [];
  wire.chunks.forEach((chunk, offset) => {
    const index = wire.dropped + offset;
    if ((search === '' || chunk.text.includes(search)) && (showAll || itemsByChunk.has(index))) rows.push({ chunk, index });
  });
  const onShow = rows.slice(-ROWS_ON_SHOW);
  const hidden = rows.length - onShow.length + wire.dropped;

  return (
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
                <ParsedItems items={itemsByChunk.get(index) ?? []} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** What one read parsed to: the first ITEMS_PER_READ, then how many more. */
function ParsedItems({ items }: { items: WireItem[] }) {
  return (
    <ul className="parsed-list">
      {items.slice(0, ITEMS_PER_READ).map((item, k) => (
        <ParsedItem key={k} item={item} />
      ))}
      {items.length > ITEMS_PER_READ && <li className="wire-more">… and {(items.length - ITEMS_PER_READ).toLocaleString('en')} more</li>}
    </ul>
  );
}
