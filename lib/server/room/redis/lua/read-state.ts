/** Lua, KEYS record, checkpoint, log: the checkpoint's state ('' for none) and every entry after it, read at one instant. */
export const READ_STATE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local checkpoint = redis.call('HMGET', KEYS[2], 'seq', 'state')
local reply = {checkpoint[2] or ''}
for _, item in ipairs(redis.call('XRANGE', KEYS[3], '0-' .. (tonumber(checkpoint[1] or '0') + 1), '+')) do reply[#reply + 1] = item[2][2] end
return reply`;
