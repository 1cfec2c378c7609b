/** Lua, KEYS record, seq, log; ARGV after: the entries after it, or false when any of them is gone. */
export const ENTRIES_AFTER = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local after = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if after > last then return false end
local reply = {}
if after == last then return reply end
local items = redis.call('XRANGE', KEYS[3], '0-' .. (after + 1), '+')
if #items == 0 or items[1][1] ~= '0-' .. (after + 1) then return false end
for i, item in ipairs(items) do reply[i] = item[2][2] end
return reply`;
