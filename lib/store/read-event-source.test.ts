import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@/lib/trace/types';
import { runEventSource, type EventSourceRunOptions } from './read-event-source';

/**
 * An EventSource driven by the test, doing what the WHATWG processing model says a browser's does:
 * `open` when a response starts, a `MessageEvent` per dispatched event, and on a lost or ended
 * connection an `error` with readyState CONNECTING (it will reconnect) or CLOSED (it gave up).
 */
class ScriptedEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: ScriptedEventSource;
  readyState = ScriptedEventSource.CONNECTING;
  closeCalls = 0;
  constructor(readonly url: string) {
    super();
    ScriptedEventSource.last = this;
  }
  close() {
    this.closeCalls += 1;
    this.readyState = ScriptedEventSource.CLOSED;
  }
  open() {
    this.readyState = ScriptedEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }
  message(data: string, { id = '', type = 'message' }: { id?: string; type?: string } = {}) {
    if (this.readyState === ScriptedEventSource.CLOSED) return;
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId: id }));
  }
  /** The response ended or broke: the browser will ask again. */
  lose() {
    this.readyState = ScriptedEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }
  /** The reconnect was refused (a 204, or an error status): the browser gives up. */
  refuse() {
    this.readyState = ScriptedEventSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }
}

function start(overrides: Partial<EventSourceRunOptions> = {}) {
  const events: StreamEvent[] = [];
  let clock = 0;
  const run = runEventSource({
    url: '/api/stream',
    now: () => clock,
    onEvent: (event) => events.push(event),
    retryMs: null,
    frames: 3,
    endsWith204: false,
    closeOnEndEvent: false,
    closeAfterLast: false,
    eventSourceImpl: ScriptedEventSource as unknown as typeof EventSource,
    ...overrides,
  });
  const source = ScriptedEventSource.last;
  const at = (ms: number) => {
    clock = ms;
    return source;
  };
  return { run, source, at, events };
}

const types = (events: StreamEvent[]) => events.map((event) => (event.type === 'end' ? `end:${event.reason}` : event.type));

describe('runEventSource', () => {
  it("reports the seed's loop: the response ends, the browser reconnects, the messages start again", () => {
    const { source, at, events } = start();
    at(100).open();
    for (const i of [0, 1, 2]) at(100 + i * 1000).message(`Message ${i}`);
    at(3100).lose();
    at(6100).open();
    at(6100).message('Message 0');
    expect(types(events)).toEqual(['open', 'frame', 'frame', 'frame', 'reconnect', 'open', 'frame']);
    expect(events[4]).toEqual({ type: 'reconnect', atMs: 3000, cause: 'ended', retryMs: null, lastEventId: null });
    expect(events.at(-1)).toMatchObject({ atMs: 6000, data: 'Message 0' });
    expect(source.closeCalls).toBe(0);
  });

  it('calls a lost connection a cut when fewer than n messages came, and names the last id it carries', () => {
    const { at, events } = start({ retryMs: 500 });
    at(0).open();
    at(0).message('Message 0', { id: '0' });
    at(1000).message('Message 1', { id: '1' });
    at(1200).lose();
    expect(events.at(-1)).toEqual({ type: 'reconnect', atMs: 1200, cause: 'cut', retryMs: 500, lastEventId: '1' });
  });

  it('closes after the last of n messages when asked to, counting every connection as a counting client does', () => {
    const { source, at, events } = start({ closeAfterLast: true });
    at(0).open();
    at(0).message('Message 0');
    at(1000).message('Message 1');
    expect(source.closeCalls).toBe(0);
    at(2000).message('Message 2');
    expect(source.closeCalls).toBe(1);
    expect(types(events)).toEqual(['open', 'frame', 'frame', 'frame', 'end:closed-after-last']);
    at(2500).message('late');
    expect(events).toHaveLength(5);
  });

  it("closes on the server's event: end when the stream sends one, and not otherwise", () => {
    const withEnd = start({ closeOnEndEvent: true });
    withEnd.at(0).open();
    withEnd.at(0).message('Message 0');
    withEnd.at(3000).message('done', { type: 'end' });
    expect(types(withEnd.events)).toEqual(['open', 'frame', 'frame', 'end:closed-on-end']);
    expect(withEnd.events[2]).toMatchObject({ event: 'end', data: 'done' });
    expect(withEnd.source.closeCalls).toBe(1);

    const without = start();
    without.at(0).open();
    without.at(3000).message('done', { type: 'end' });
    expect(types(without.events)).toEqual(['open', 'frame']);
    expect(without.source.closeCalls).toBe(0);
  });

  it('reports a refused reconnect after the last id as the 204 an end=204 stream sends, and any other refusal as an error', () => {
    const noContent = start({ endsWith204: true });
    noContent.at(0).open();
    for (const i of [0, 1, 2]) noContent.at(i * 1000).message(`Message ${i}`, { id: String(i) });
    noContent.at(3000).lose();
    noContent.at(6000).refuse();
    expect(types(noContent.events)).toEqual(['open', 'frame', 'frame', 'frame', 'reconnect', 'end:no-content']);

    const refused = start();
    refused.at(0).open();
    refused.at(500).lose();
    refused.at(3500).refuse();
    expect(refused.events.at(-1)).toMatchObject({ type: 'error', message: 'EventSource gave up: the server refused to reconnect it' });
  });

  it("reports the server's own event: error frame as the stream's error", () => {
    const { at, events } = start();
    at(0).open();
    at(10).message('The generator stopped unexpectedly.', { type: 'error' });
    expect(events.at(-1)).toEqual({ type: 'error', atMs: 10, message: 'The generator stopped unexpectedly.' });
  });

  it('stops when the page closes it, and reports nothing after', () => {
    const { run, source, at, events } = start();
    at(0).open();
    expect(at(700) && run.close()).toBe(700);
    expect(source.closeCalls).toBe(1);
    at(800).message('Message 0');
    expect(types(events)).toEqual(['open']);
  });
});
