/** Lua, KEYS record, hash; ARGV field, value: sets it if the room exists, to expire with the room (not a touch). */
export const SET_WITH_ROOM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1`;
