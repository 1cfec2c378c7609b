/**
 * Lua, KEYS record, seq, log, checkpoint; ARGV seq, state, log limit. Keeps the checkpoint only if
 * it is newer than the stored one (two instances may race), then trims the log to the limit but
 * never past the checkpoint: what it drops, the checkpoint holds.
 */
export const CHECKPOINT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = tonumber(ARGV[1])
if seq <= tonumber(redis.call('HGET', KEYS[4], 'seq') or '0') then return 0 end
redis.call('HSET', KEYS[4], 'seq', ARGV[1], 'state', ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) end
local keepFrom = math.min(seq + 1, tonumber(redis.call('GET', KEYS[2]) or '0') - tonumber(ARGV[3]) + 1)
if keepFrom > 1 then redis.call('XTRIM', KEYS[3], 'MINID', '0-' .. keepFrom) end
return 1`;
