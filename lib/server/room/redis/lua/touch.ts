/**
 * Lua, spliced into the scripts that refresh a room's life. KEYS as `touchedKeys` lists them
 * (record, seq, log, checkpoint, poll keys, answered, presence), ARGV[1] the idle ms and ARGV[2]
 * the answers prefix. WARNING: the answers hashes are named in the script, not passed as KEYS;
 * only the shared hash tag keeps that legal on a cluster.
 */
export const TOUCH = `
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
for _, poll in ipairs(redis.call('SMEMBERS', KEYS[6])) do redis.call('PEXPIRE', ARGV[2] .. poll, ARGV[1]) end`;

/**
 * Lua, the end of every append script: numbers `bodies`, adds each to the stream and publishes it
 * (ARGV[3] the time, ARGV[4] the channel), refreshes the room's life. Returns
 * {recorded, checkpoint seq, seq…}.
 */
export const APPEND_BODIES = `
local reply = {1, tonumber(redis.call('HGET', KEYS[4], 'seq') or '0')}
for _, body in ipairs(bodies) do
  local seq = redis.call('INCR', KEYS[2])
  local entry = '{"seq":' .. seq .. ',"at":' .. ARGV[3] .. ',"body":' .. body .. '}'
  redis.call('XADD', KEYS[3], '0-' .. seq, 'entry', entry)
  redis.call('PUBLISH', ARGV[4], entry)
  reply[#reply + 1] = seq
end
${TOUCH}
return reply`;
