-- GCRA (generic cell rate algorithm) in one atomic step, on the server's clock.
-- The arithmetic mirrors adapters/memory/rate_limit.py:gcra; keep the two in step.
--
-- KEYS[1]  the bucket; holds its theoretical arrival time (TAT) in integer microseconds since the epoch
-- ARGV[1]  emission interval T in integer microseconds (period / rate)
-- ARGV[2]  burst: how many requests may arrive at once
-- ARGV[3]  cost: how many requests this one counts as (0 only reports the state)
-- Returns {allowed (0|1), remaining, retry_after_us, reset_after_us}.
--
-- Integer microseconds keep every value exact in Lua's doubles (2^53 us is ~285 years), so a burst of
-- n at one instant allows exactly n, with no rounding drift between here and the Python twin.

if redis.replicate_commands then redis.replicate_commands() end -- Redis < 5: a write after TIME

local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end

local new_tat = tat + interval * cost
local allow_at = new_tat - interval * burst
if now < allow_at then
  return {0, math.floor((now - (tat - interval * burst)) / interval), allow_at - now, tat - now}
end
if cost > 0 then
  -- The key lives exactly as long as the bucket is not full; an absent key is a full bucket.
  redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
end
return {1, math.floor((now - allow_at) / interval), 0, new_tat - now}
