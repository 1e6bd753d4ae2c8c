-- Applies one processor batch of paid and cancelled orders to the ranking sorted sets, each event at most once:
-- the event's identifier joins the "applied" set of its sales day in the same atomic step as its increments, so a
-- redelivered event (a retried batch, a crash before the token commit) finds itself there and changes nothing.
--
-- KEYS[1]  the marker that says these keys hold the whole history (RankingStore); missing means Redis lost them
-- then per event, 7 keys: the applied set of its day; the quantity and revenue sets of its day, ISO week and month
-- ARGV[1]  the number of events
-- then per event: event id, expire-at (epoch seconds) of the applied set, of the day's, the week's and the month's
--          sets ("0" = past retention, leave alone), the number of lines, then per line: product id, quantity
--          change, revenue change (negative for a cancellation)
-- Returns the number of events applied, or -1 when the marker is missing (nothing is written then).
if redis.call('EXISTS', KEYS[1]) == 0 then
    return -1
end

-- A product leaves a ranking when its figure comes back to zero (every sale of it cancelled).
local function add(key, delta, product)
    local score = redis.call('ZINCRBY', key, delta, product)
    if tonumber(score) <= 0 then
        redis.call('ZREM', key, product)
    end
end

local applied = 0
local k = 2
local a = 2
for _ = 1, tonumber(ARGV[1]) do
    local lines = tonumber(ARGV[a + 5])
    local first = a + 6
    if redis.call('SADD', KEYS[k], ARGV[a]) == 1 then
        redis.call('EXPIREAT', KEYS[k], ARGV[a + 1])
        for period = 1, 3 do
            local expireAt = ARGV[a + 1 + period]
            if expireAt ~= '0' then
                local quantityKey = KEYS[k + 2 * period - 1]
                local revenueKey = KEYS[k + 2 * period]
                for line = 0, lines - 1 do
                    local at = first + 3 * line
                    add(quantityKey, ARGV[at + 1], ARGV[at])
                    add(revenueKey, ARGV[at + 2], ARGV[at])
                end
                redis.call('EXPIREAT', quantityKey, expireAt)
                redis.call('EXPIREAT', revenueKey, expireAt)
            end
        end
        applied = applied + 1
    end
    k = k + 7
    a = first + 3 * lines
end
return applied
