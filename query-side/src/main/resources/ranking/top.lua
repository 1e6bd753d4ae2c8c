-- The top N of one ranking with everything an answer needs, in one round trip.
-- KEYS[1] the ranked sorted set, KEYS[2] the other figure's set of the same period,
-- KEYS[3] product names, KEYS[4] product categories (hashes by product id)
-- KEYS[5] the marker that says the keys hold the whole history (RankingStore)
-- ARGV[1] N
-- Returns product id, ranked score, other score, name, category for each product (nil where missing), in no
-- particular order: the caller sorts by score, then product id. Returns {'lost'} when the marker is missing: Redis
-- lost the keys, and an empty ranking from it would be wrong, not empty.
--
-- Ties are broken by product id ascending. ZREVRANGE orders equal scores by descending member, so at the cut-off
-- score the lowest ids are fetched with ZRANGE BYSCORE (ascending member) instead.
if redis.call('EXISTS', KEYS[5]) == 0 then
    return {'lost'}
end
local limit = tonumber(ARGV[1])
local top = redis.call('ZREVRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES')
local count = #top / 2
local products = {}
if count == limit and count > 0 then
    local cutOff = top[#top]
    local cutOffScore = tonumber(cutOff)
    for i = 1, count do
        if tonumber(top[2 * i]) > cutOffScore then
            products[#products + 1] = top[2 * i - 1]
        end
    end
    local tied = redis.call('ZRANGE', KEYS[1], cutOff, cutOff, 'BYSCORE', 'LIMIT', 0, limit - #products)
    for _, product in ipairs(tied) do
        products[#products + 1] = product
    end
else
    for i = 1, count do
        products[#products + 1] = top[2 * i - 1]
    end
end
if #products == 0 then
    return {}
end
local scores = redis.call('ZMSCORE', KEYS[1], unpack(products))
local others = redis.call('ZMSCORE', KEYS[2], unpack(products))
local names = redis.call('HMGET', KEYS[3], unpack(products))
local categories = redis.call('HMGET', KEYS[4], unpack(products))
local result = {}
for i, product in ipairs(products) do
    result[#result + 1] = product
    result[#result + 1] = scores[i]
    result[#result + 1] = others[i]
    result[#result + 1] = names[i]
    result[#result + 1] = categories[i]
end
return result
