// The room bench's subscribers (bench/room.mjs), all in this process: each a follower of the
// room's stream (room-follower.mjs) that does not reconnect, so a stream lost is counted, not
// hidden. For each trace word of each run (`open`, `Message 3`) it keeps how many have it and when
// the first and the last got it (performance.now(), as the bytes arrived). Every run's, not only the
// one set: a subscriber may read the run's first entries before the bench reads the run command's answer.
import { followRoom } from './room-follower.mjs';

/** The run's event as one word: a frame's data, else the event's type. */
const wordOf = (event) => (event.type === 'frame' ? event.data : event.type);

export function createAudience(code) {
  const followers = new Set();
  const arrivals = new Map(); // `${run} ${word}` -> { count, first, last }
  const waiters = new Map(); // `${run} ${word}` -> [{ count, resolve }]
  let run = null;
  let failures = 0;

  const record = (key, at) => {
    const seen = arrivals.get(key) ?? { count: 0, first: at, last: at };
    seen.count += 1;
    seen.last = at;
    arrivals.set(key, seen);
    for (const waiter of waiters.get(key) ?? []) if (seen.count >= waiter.count) waiter.resolve(seen);
  };

  /** One more subscriber, straight to `base`; resolves at its snapshot, rejects if it is refused. */
  function connect(base) {
    const follower = followRoom({
      base,
      code,
      reconnect: false,
      now: () => performance.now(),
      onEntry(entry, at) {
        if (entry.body.kind === 'trace') record(`${entry.body.run} ${wordOf(entry.body.event)}`, at);
      },
      onError() {
        if (followers.delete(follower)) failures += 1;
      },
    });
    followers.add(follower);
    return follower.ready;
  }

  return {
    connect,
    setRun: (seq) => (run = seq),
    /** Resolves with {count, first, last} once `count` subscribers have the run's `word`; rejects after `timeoutMs`. */
    waitFor(word, count, timeoutMs = 30_000) {
      const key = `${run} ${word}`;
      const seen = arrivals.get(key);
      if (seen && seen.count >= count) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${arrivals.get(key)?.count ?? 0} of ${count} subscribers got “${word}”`)),
          timeoutMs,
        );
        const list = waiters.get(key) ?? [];
        list.push({
          count,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
        });
        waiters.set(key, list);
      });
    },
    failures: () => failures,
    close() {
      for (const follower of followers) follower.close();
      followers.clear();
    },
  };
}
