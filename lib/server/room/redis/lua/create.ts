import { TOUCH } from './touch';

/**
 * Lua, KEYS as `touchedKeys`; ARGV idle ms, answers prefix, code, secret hash, created at. Makes
 * the record unless the code is taken, clearing first whatever an expired room of that code left
 * behind.
 */
export const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for _, poll in ipairs(redis.call('SMEMBERS', KEYS[6])) do redis.call('DEL', ARGV[2] .. poll) end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
redis.call('HSET', KEYS[1], 'code', ARGV[3], 'secretHash', ARGV[4], 'createdAt', ARGV[5])
${TOUCH}
return 1`;
