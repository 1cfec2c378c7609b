import type Redis from 'ioredis';
import { ANSWER } from './lua/answer';
import { APPEND } from './lua/append';
import { APPEND_ONCE } from './lua/append-once';
import { CHECKPOINT } from './lua/checkpoint';
import { CREATE } from './lua/create';
import { ENTRIES_AFTER } from './lua/entries-after';
import { READ_STATE } from './lua/read-state';
import { SET_WITH_ROOM } from './lua/set-with-room';

/** One Lua script per operation (each in lua/), with how many of its arguments are KEYS. */
const SCRIPTS = {
  roomCreate: { lua: CREATE, numberOfKeys: 7 },
  roomAppend: { lua: APPEND, numberOfKeys: 7 },
  roomAppendOnce: { lua: APPEND_ONCE, numberOfKeys: 8 },
  roomAnswer: { lua: ANSWER, numberOfKeys: 7 },
  roomReadState: { lua: READ_STATE, numberOfKeys: 3, readOnly: true },
  roomCheckpoint: { lua: CHECKPOINT, numberOfKeys: 4 },
  roomEntriesAfter: { lua: ENTRIES_AFTER, numberOfKeys: 3, readOnly: true },
  roomSetWithRoom: { lua: SET_WITH_ROOM, numberOfKeys: 2 },
};
export type ScriptName = keyof typeof SCRIPTS;

/** Defines the room's scripts on `redis`; the returned function runs one by name. */
export function defineScripts(redis: Redis) {
  for (const [name, definition] of Object.entries(SCRIPTS)) redis.defineCommand(name, definition);
  return (name: ScriptName, keys: string[], args: Array<string | number>) =>
    (redis as unknown as Record<ScriptName, (...params: Array<string | number>) => Promise<unknown>>)[name](...keys, ...args);
}
