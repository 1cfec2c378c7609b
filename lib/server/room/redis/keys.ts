/**
 * Every key and channel a room uses in Redis, the ones the Lua scripts touch included. The code
 * is in braces, a Redis Cluster hash tag: every key of a room lands in one slot, which is what
 * lets one script touch them all.
 */
export function roomKeys(code: string) {
  const base = `stepstream:room:{${code}}:`;
  return {
    record: `${base}record`,
    seq: `${base}seq`,
    /** A stream: entry `0-<seq>`, one field, `entry` (its JSON). */
    log: `${base}log`,
    /** A hash: `seq`, and `state` (the JSON RoomState after that entry). */
    checkpoint: `${base}checkpoint`,
    pollKeys: `${base}poll-keys`,
    /** A set: the polls that have an `answers:<pollId>` hash. */
    answered: `${base}answered`,
    presence: `${base}presence`,
    /** A hash: each `once` writer's last append number (see `RoomHub.append`). */
    writers: `${base}writers`,
    /** Followed by a poll's id: a hash, student → answer JSON. */
    answersPrefix: `${base}answers:`,
    /** Pub/sub: every entry's JSON, as the append scripts numbered it. */
    channel: `${base}entries`,
  };
}

export type RoomKeys = ReturnType<typeof roomKeys>;

/** The keys the scripts that refresh the room's life take, in this order (see lua/touch.ts). */
export const touchedKeys = (k: RoomKeys) => [k.record, k.seq, k.log, k.checkpoint, k.pollKeys, k.answered, k.presence];
