import { APPEND_BODIES } from './touch';

/**
 * Lua, all or nothing, taken at most once per writer and number (see `RoomHub.append`): KEYS as
 * `touchedKeys` then the writers hash (refreshed with the rest); ARGV idle ms, answers prefix, time, channel, the writer,
 * its append's number, then the bodies' JSON. Returns false for no room, {1, 0} if taken before,
 * else {recorded, checkpoint seq, seq…}.
 */
export const APPEND_ONCE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local writers = KEYS[8]
if tonumber(redis.call('HGET', writers, ARGV[5]) or '0') >= tonumber(ARGV[6]) then return {1, 0} end
redis.call('HSET', writers, ARGV[5], ARGV[6])
redis.call('PEXPIRE', writers, ARGV[1])
local bodies = {}
for i = 7, #ARGV do bodies[#bodies + 1] = ARGV[i] end
${APPEND_BODIES}`;
