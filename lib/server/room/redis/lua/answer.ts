import { APPEND_BODIES } from './touch';

/**
 * Lua, all or nothing: KEYS as `touchedKeys`; ARGV idle ms, answers prefix, time, channel, poll,
 * student, answer JSON, option count. Records the student's first answer and appends the poll's
 * tally; a second answer changes nothing. Returns false for no room, {0, 0} for a second answer,
 * else {recorded, checkpoint seq, seq}.
 */
export const ANSWER = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local answers = ARGV[2] .. ARGV[5]
if redis.call('HSETNX', answers, ARGV[6], ARGV[7]) == 0 then return {0, 0} end
redis.call('SADD', KEYS[6], ARGV[5])
local counts = {}
for i = 1, tonumber(ARGV[8]) do counts[i] = 0 end
local all = redis.call('HVALS', answers)
for _, answer in ipairs(all) do
  local i = cjson.decode(answer).choice + 1
  if counts[i] then counts[i] = counts[i] + 1 end
end
local bodies = {'{"kind":"poll-tally","pollId":' .. cjson.encode(ARGV[5]) .. ',"counts":[' .. table.concat(counts, ',') .. '],"answered":' .. #all .. '}'}
${APPEND_BODIES}`;
