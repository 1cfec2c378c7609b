import { APPEND_BODIES } from './touch';

/**
 * Lua, all or nothing: KEYS as `touchedKeys`; ARGV idle ms, answers prefix, time, channel, then
 * the bodies' JSON. Returns false for no room, else {recorded, checkpoint seq, seq…}.
 */
export const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local bodies = {}
for i = 5, #ARGV do bodies[#bodies + 1] = ARGV[i] end
${APPEND_BODIES}`;
