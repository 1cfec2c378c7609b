/** What Resource Timing says about one answer, once its body has fully arrived. */
export interface ResourceSize {
  /** The body as it arrived (after un-chunking, before decompression), in bytes. */
  encodedBodySize: number;
  /** 'http/1.1', 'h2', 'h3'… */
  protocol: string;
}

/** Finds each answer's Resource Timing entry, by address, in the order the answers came. */
export interface ResourceSizes {
  /** The next entry for `url` not yet taken; null if none arrives within `timeoutMs`, or once disposed. */
  take(url: string, timeoutMs?: number): Promise<ResourceSize | null>;
  dispose(): void;
}

/** How long to wait for an entry: Chromium queues it a moment after the body's last byte. */
const ENTRY_TIMEOUT_MS = 5000;

/**
 * Watches Resource Timing for the lanes' answers. `transferSize` is not used: Chromium reports it
 * as the body plus a flat 300 bytes for the headers (the spec's privacy rule), so the heads are
 * counted from the headers themselves instead (lib/compare/wire-size.ts).
 * WARNING: a lane may ask the same address twice (a short poll that found nothing); that works
 * because one lane never has two requests in flight, so its entries arrive in the order it asked.
 */
export function createResourceSizes(prefix: string): ResourceSizes {
  const arrived = new Map<string, ResourceSize[]>();
  const waiting = new Map<string, ((size: ResourceSize | null) => void)[]>();
  let disposed = false;

  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (!new URL(entry.name).pathname.startsWith(prefix)) continue;
      const size = { encodedBodySize: entry.encodedBodySize, protocol: entry.nextHopProtocol };
      const waiter = waiting.get(entry.name)?.shift();
      if (waiter) waiter(size);
      else arrived.set(entry.name, [...(arrived.get(entry.name) ?? []), size]);
    }
  });
  observer.observe({ type: 'resource' });

  return {
    take(url, timeoutMs = ENTRY_TIMEOUT_MS) {
      const name = new URL(url, location.href).href;
      const ready = arrived.get(name)?.shift();
      if (ready) return Promise.resolve(ready);
      if (disposed) return Promise.resolve(null);
      return new Promise((resolve) => {
        const settle = (size: ResourceSize | null) => {
          clearTimeout(timer);
          resolve(size);
        };
        const timer = setTimeout(() => {
          const queue = waiting.get(name) ?? [];
          queue.splice(queue.indexOf(settle), 1);
          resolve(null);
        }, timeoutMs);
        waiting.set(name, [...(waiting.get(name) ?? []), settle]);
      });
    },
    dispose() {
      disposed = true;
      observer.disconnect();
      for (const queue of waiting.values()) for (const settle of queue.splice(0)) settle(null);
      arrived.clear();
    },
  };
}
