"""The job's keys in Redis and the Lua scripts that change them.

Every change that must not be seen half-done (an entry leased, finished, committed, returned to
the queue) is one script, so a worker killed between two calls leaves the job consistent. Every
script may have run without its caller seeing the reply (Redis stopped after running it, before
answering), and the caller sends it again: each is idempotent, or, for the two that could not
be (a take, a commit), told apart by an id the caller sends again with it.

Keys of the job ``ipgirl:<job>``:
  queue            sorted set   entry id -> -priority (ids are zero-padded: FIFO within a priority)
  entries          hash         entry id -> the entry's JSON (codec.py), until it is done
  seq              string       the last entry id given out
  articles         set          article keys ever queued (an article is queued once per job)
  fingerprints     set          fingerprints of the other requests queued
  workers          sorted set   worker id -> its lease deadline (Redis clock)
  leases:<w>       set          entry ids worker w holds: taken, not yet done or committed
  working:<w>      set          those of them still being fetched or parsed
  took:<w>         hash         w's last take: its id and the entry ids it leased (to answer it again)
  commits          hash         "<w>|<batch file>" -> the commit's id: batches whose articles are done
  outcomes         hash         "<w>|<outcome>" -> articles that ended so
  done             set          article keys that ended (emitted and committed, unchanged, failed, gone, dropped)
  emitted          hash         canonical URL -> the article key that emitted it
  seeded           string       Redis time the job was seeded; seeder: who seeded it
  limiter          sorted set   connection token -> its deadline; limiter_next: time of the next request allowed
"""
from __future__ import annotations

from typing import Any

KEY_TTL_SECONDS = 7 * 24 * 3600  # a job abandoned by crashed workers does not live forever
FIXED_KEYS = ("queue", "entries", "seq", "articles", "fingerprints", "workers", "commits", "outcomes", "done",
              "emitted", "seeded", "seeder", "limiter", "limiter_next")
PER_WORKER_KEYS = ("leases", "working", "took")

# Shared by the scripts below: the key prefix, expiry and Redis's clock; and, for the scripts that
# need them (_PRELUDE: the rest are run for every request, and their text is sent each time),
# the return of a dead worker's leases.
_BASE = """
local P = KEYS[1]
local TTL = %d
local function touch(...)
  for _, k in ipairs({...}) do redis.call('EXPIRE', P .. ':' .. k, TTL) end
end
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1e6
end
""" % KEY_TTL_SECONDS
_PRELUDE = _BASE + """
local function score_of(json)
  local ok, data = pcall(cjson.decode, json)
  if ok and type(data) == 'table' and type(data.priority) == 'number' then return -data.priority end
  return 0
end
local function drop_tokens(w)
  for _, token in ipairs(redis.call('ZRANGE', P .. ':limiter', 0, -1)) do
    if string.sub(token, 1, #w + 1) == w .. '#' then redis.call('ZREM', P .. ':limiter', token) end
  end
end
local function return_leases(w)
  drop_tokens(w)
  local ids = redis.call('SMEMBERS', P .. ':leases:' .. w)
  local back = 0
  for _, id in ipairs(ids) do
    local json = redis.call('HGET', P .. ':entries', id)
    if json then
      redis.call('ZADD', P .. ':queue', score_of(json), id)
      back = back + 1
    end
  end
  redis.call('DEL', P .. ':leases:' .. w, P .. ':working:' .. w, P .. ':took:' .. w)
  return back
end
local function reap(except)
  local dead = redis.call('ZRANGEBYSCORE', P .. ':workers', '-inf', now())
  local back = 0
  for _, w in ipairs(dead) do
    if w ~= except then
      back = back + return_leases(w)
      redis.call('ZREM', P .. ':workers', w)
    end
  end
  return back
end
local function expire_all()
  touch(%s)
  for _, w in ipairs(redis.call('ZRANGE', P .. ':workers', 0, -1)) do
    touch('leases:' .. w, 'working:' .. w, 'took:' .. w)
  end
end
""" % ", ".join(f"'{key}'" for key in FIXED_KEYS)

# ARGV: article key or '', fingerprint or '', json, score. 1 when queued, 0 when already queued once.
ENQUEUE = _BASE + """
if ARGV[1] ~= '' and redis.call('SADD', P .. ':articles', ARGV[1]) == 0 then return 0 end
if ARGV[2] ~= '' and redis.call('SADD', P .. ':fingerprints', ARGV[2]) == 0 then return 0 end
local id = string.format('%012d', redis.call('INCR', P .. ':seq'))
redis.call('HSET', P .. ':entries', id, ARGV[3])
redis.call('ZADD', P .. ':queue', tonumber(ARGV[4]), id)
touch('queue', 'entries', 'seq', 'articles', 'fingerprints')
return 1
"""

# ARGV: worker, how many, take id (optional). Leases up to that many entries: {id, json, id, json, ...}.
# The same take id again (its reply was lost) answers the same entries, those w still holds, and
# leases none more: a lost reply must not leave entries leased to a worker that never saw them.
TAKE = _BASE + """
local w = ARGV[1]
local took = P .. ':took:' .. w
local take_id = ARGV[3] or ''
local out = {}
if take_id ~= '' and redis.call('HGET', took, 'id') == take_id then
  for id in string.gmatch(redis.call('HGET', took, 'ids') or '', '%S+') do
    if redis.call('SISMEMBER', P .. ':leases:' .. w, id) == 1 then
      out[#out + 1] = id
      out[#out + 1] = redis.call('HGET', P .. ':entries', id) or ''
    end
  end
  return out
end
local popped = redis.call('ZPOPMIN', P .. ':queue', tonumber(ARGV[2]))
local ids = {}
for i = 1, #popped, 2 do
  local id = popped[i]
  local json = redis.call('HGET', P .. ':entries', id)
  redis.call('SADD', P .. ':leases:' .. w, id)
  redis.call('SADD', P .. ':working:' .. w, id)
  ids[#ids + 1] = id
  out[#out + 1] = id
  out[#out + 1] = json or ''
end
if take_id ~= '' then redis.call('HSET', took, 'id', take_id, 'ids', table.concat(ids, ' ')) end
touch('leases:' .. w, 'working:' .. w, 'took:' .. w)
return out
"""

# ARGV: worker, id, outcome or '', article key or ''. The entry is done (if w still holds it).
ACK = _BASE + """
local w = ARGV[1]
if redis.call('SREM', P .. ':leases:' .. w, ARGV[2]) == 0 then return 0 end
redis.call('SREM', P .. ':working:' .. w, ARGV[2])
redis.call('HDEL', P .. ':entries', ARGV[2])
if ARGV[4] ~= '' then
  redis.call('HINCRBY', P .. ':outcomes', w .. '|' .. ARGV[3], 1)
  redis.call('SADD', P .. ':done', ARGV[4])
  touch('outcomes', 'done')
end
return 1
"""

# ARGV: worker, id. Fetched and parsed; its item waits for its batch's commit (lease kept).
SETTLE = _BASE + """
return redis.call('SREM', P .. ':working:' .. ARGV[1], ARGV[2])
"""

# ARGV: worker, id. An entry w holds in Redis but not in its own ledger (found by its idle check):
# back to the queue. 1 when returned.
UNTAKE = _PRELUDE + """
local w = ARGV[1]
if redis.call('SREM', P .. ':leases:' .. w, ARGV[2]) == 0 then return 0 end
redis.call('SREM', P .. ':working:' .. w, ARGV[2])
local json = redis.call('HGET', P .. ':entries', ARGV[2])
if json then redis.call('ZADD', P .. ':queue', score_of(json), ARGV[2]) end
return 1
"""

# ARGV: worker, id, json, score. The entry goes back to the queue as json (a retry, a redirect).
REQUEUE = _BASE + """
local w = ARGV[1]
if redis.call('SREM', P .. ':leases:' .. w, ARGV[2]) == 0 then return 0 end
redis.call('SREM', P .. ':working:' .. w, ARGV[2])
redis.call('HSET', P .. ':entries', ARGV[2], ARGV[3])
redis.call('ZADD', P .. ':queue', tonumber(ARGV[4]), ARGV[2])
return 1
"""

# ARGV: worker, batch, commit id, then id, article key pairs. All held by w: the batch is
# committed, its articles done, 0 returned. Otherwise (w lost some leases to a reaper) nothing is
# committed, the leases w still held go back to the queue, and the number lost is returned:
# discard the batch. The same commit again (its reply was lost) answers 0 and changes nothing:
# its articles, no longer leased, would otherwise be taken for lost and the batch discarded.
COMMIT = _PRELUDE + """
local w = ARGV[1]
local leases = P .. ':leases:' .. w
if redis.call('HGET', P .. ':commits', w .. '|' .. ARGV[2]) == ARGV[3] then return 0 end
local lost = 0
for i = 4, #ARGV, 2 do
  if redis.call('SISMEMBER', leases, ARGV[i]) == 0 then lost = lost + 1 end
end
if lost > 0 then
  for i = 4, #ARGV, 2 do
    local json = redis.call('HGET', P .. ':entries', ARGV[i])
    if redis.call('SREM', leases, ARGV[i]) == 1 and json then
      redis.call('SREM', P .. ':working:' .. w, ARGV[i])
      redis.call('ZADD', P .. ':queue', score_of(json), ARGV[i])
    end
  end
  return lost
end
redis.call('HSET', P .. ':commits', w .. '|' .. ARGV[2], ARGV[3])
for i = 4, #ARGV, 2 do
  redis.call('SREM', leases, ARGV[i])
  redis.call('SREM', P .. ':working:' .. w, ARGV[i])
  redis.call('HDEL', P .. ':entries', ARGV[i])
  redis.call('SADD', P .. ':done', ARGV[i + 1])
end
redis.call('HINCRBY', P .. ':outcomes', w .. '|emitted', (#ARGV - 3) / 2)
touch('commits', 'outcomes', 'done')
return 0
"""

# ARGV: worker, lease seconds. Renews w's lease, returns dead workers' leases to the queue,
# renews every key's expiry (each script sets it on the keys it makes, too).
# Returns {1 if w was registered, entries returned, 1 if the job's record (seeded) is there}.
BEAT = _PRELUDE + """
local w = ARGV[1]
local known = redis.call('ZSCORE', P .. ':workers', w)
redis.call('ZADD', P .. ':workers', now() + tonumber(ARGV[2]), w)
local back = reap(w)
expire_all()
return {known and 1 or 0, back, redis.call('EXISTS', P .. ':seeded')}
"""

# ARGV: worker, lease seconds. A (re)started worker: what its previous life held goes back
# to the queue (its committed batches are no longer leased). Returns the number returned.
JOIN = _PRELUDE + """
local w = ARGV[1]
local back = return_leases(w)
redis.call('ZADD', P .. ':workers', now() + tonumber(ARGV[2]), w)
expire_all()
return back
"""

# ARGV: worker (optional). Returns {queued, entries being worked on by any live worker, live
# workers, seeded at or '', now, then the ids in w's own working set} (an idle worker's must be empty).
STATE = _PRELUDE + """
reap(ARGV[1] or '')
local working = 0
for _, w in ipairs(redis.call('ZRANGE', P .. ':workers', 0, -1)) do
  working = working + redis.call('SCARD', P .. ':working:' .. w)
end
local out = {redis.call('ZCARD', P .. ':queue'), working, redis.call('ZCARD', P .. ':workers'),
             redis.call('GET', P .. ':seeded') or '', tostring(now())}
if ARGV[1] then
  for _, id in ipairs(redis.call('SMEMBERS', P .. ':working:' .. ARGV[1])) do out[#out + 1] = id end
end
return out
"""

# ARGV: a token of this worker's life. 1 for the one worker that seeds the job: the first to
# claim it, and the same again when its claim's reply was lost.
SEED = _BASE + """
if redis.call('SET', P .. ':seeded', tostring(now()), 'NX', 'EX', TTL) then
  redis.call('SET', P .. ':seeder', ARGV[1], 'EX', TTL)
  return 1
end
return redis.call('GET', P .. ':seeder') == ARGV[1] and 1 or 0
"""

# ARGV: worker. w leaves the job; what it still holds goes back to the queue.
# Returns {workers left, queued, returned}.
LEAVE = _PRELUDE + """
local w = ARGV[1]
local back = return_leases(w)
redis.call('ZREM', P .. ':workers', w)
reap('')
return {redis.call('ZCARD', P .. ':workers'), redis.call('ZCARD', P .. ':queue'), back}
"""

# ARGV: url, article key. 1 when the URL is this article's to emit (first claim, or its own again).
CLAIM_URL = _BASE + """
if redis.call('HSETNX', P .. ':emitted', ARGV[1], ARGV[2]) == 1 then touch('emitted') return 1 end
return redis.call('HGET', P .. ':emitted', ARGV[1]) == ARGV[2] and 1 or 0
"""

# ARGV: token, concurrency, token seconds, interval seconds. 0: granted; -1: every connection of
# the job's budget is in use; else seconds to wait for the job's rate.
ACQUIRE = _BASE + """
local t = now()
redis.call('ZREMRANGEBYSCORE', P .. ':limiter', '-inf', t)
if redis.call('ZCARD', P .. ':limiter') >= tonumber(ARGV[2]) then return '-1' end
local interval = tonumber(ARGV[4])
if interval > 0 then
  local next_at = tonumber(redis.call('GET', P .. ':limiter_next') or '0')
  if next_at > t then return tostring(next_at - t) end
  redis.call('SET', P .. ':limiter_next', tostring(t + interval), 'EX', 3600)
end
redis.call('ZADD', P .. ':limiter', t + tonumber(ARGV[3]), ARGV[1])
touch('limiter')
return '0'
"""

RELEASE = _BASE + """
return redis.call('ZREM', P .. ':limiter', ARGV[1])
"""

NAMES = ("ENQUEUE", "TAKE", "ACK", "SETTLE", "UNTAKE", "REQUEUE", "COMMIT", "BEAT", "JOIN", "STATE", "SEED", "LEAVE",
         "CLAIM_URL", "ACQUIRE", "RELEASE")


class Scripts:
    """The scripts, run with ``EVAL`` (their text each time: Redis caches them compiled, and a
    restarted Redis, its cache empty, needs no reloading between two calls of a pipeline)."""

    def __init__(self, client: Any, prefix: str) -> None:
        self.client, self.prefix = client, prefix
        self.texts = {name.lower(): globals()[name] for name in NAMES}

    def run(self, name: str, *args: Any, client: Any = None) -> Any:
        return (client or self.client).eval(self.texts[name], 1, self.prefix, *args)
