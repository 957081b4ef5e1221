// JavaScript run both in Node and in an extension page, so the events written to the browser's IndexedDB are
// exactly those whose rollups Node folds with shared's code. Kept as source text because extension pages forbid
// eval, while DevTools' Runtime.evaluate (Playwright's page.evaluate of a string) is allowed to define it.

/**
 * `seedEvent(i, count, newest, spanMs)`: the i-th of `count` stored events (seq i + 1, plus the mirror's `ts_ms`),
 * spread evenly over `spanMs` up to `newest`. Each hour works on one project with two models and two agents, as a
 * day of agent use does, so an hour holds about four rollup rows.
 */
export const SEED_EVENT_SOURCE = `(function seedEvent(i, count, newest, spanMs) {
  var HOUR = 3600000;
  var models = [
    ['claude-sonnet-4-5', 'anthropic', 3, 15], ['gpt-4o', 'openai', 2.5, 10], ['gpt-4.1-mini', 'openai', 0.4, 1.6],
    ['gemini-2.5-pro', 'google', 1.25, 10], ['claude-opus-4-1', 'anthropic', 15, 75], ['o3', 'openai', 2, 8],
  ];
  var agents = ['main', 'main/researcher', 'main/reviewer', 'ci-bot', null];
  var projects = ['tokentally', 'website', 'infra', null];
  var ts = Math.floor(newest - (spanMs * (count - 1 - i)) / count);
  var hour = Math.floor(ts / HOUR);
  var model = models[(hour + (i % 3 === 0 ? 1 : 0)) % models.length];
  var input = 500 + ((i * 7919) % 20000);
  var output = 100 + ((i * 104729) % 3000);
  var cacheRead = i % 4 === 0 ? 0 : 5000 + (i % 7) * 1000;
  var iso = new Date(ts).toISOString();
  return {
    seq: i + 1, id: 'seed-' + (i + 1), ts: iso, received_at: iso, model: model[0], provider: model[1],
    input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_creation_1h_input_tokens: 0,
    cache_read_input_tokens: cacheRead, reasoning_tokens: 0, total_tokens: input + output + cacheRead,
    cost_usd: Math.round((input * model[2] + output * model[3] + cacheRead * model[2] * 0.1) * 1e4) / 1e10,
    cost_source: 'computed', agent: agents[(hour * 7 + (i % 2)) % agents.length],
    session_id: 'session-' + hour, project: projects[(hour * 3) % projects.length], tool: null, request_id: null,
    source: 'claude-code', duration_ms: 400 + (i % 5000), status: 'ok', error: null, tags: {}, ts_ms: ts,
  };
})`;

/**
 * `seedMirror(from, to, count, newest, spanMs, hours, meta)` in an extension page: writes events `from..to-1`
 * into the mirror's `event_chunks` store, one chunk per hour (the events come in time order), then (when given)
 * the hour records and the meta records, with raw IndexedDB.
 */
export const SEED_WRITER_SOURCE = `(async function seedMirror(from, to, count, newest, spanMs, hours, meta) {
  var HOUR = 3600000;
  var db = await new Promise(function (resolve, reject) {
    var request = indexedDB.open('tokentally-mirror');
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
  var done = function (tx) {
    return new Promise(function (resolve, reject) { tx.oncomplete = resolve; tx.onerror = function () { reject(tx.error); }; });
  };
  var tx = db.transaction(['event_chunks', 'rollup_hours', 'meta'], 'readwrite');
  var chunks = tx.objectStore('event_chunks');
  var chunk = null;
  for (var i = from; i < to; i++) {
    var event = globalThis.seedEvent(i, count, newest, spanMs);
    var hour = Math.floor(event.ts_ms / HOUR) * HOUR;
    if (chunk === null || chunk.hour_start_ms !== hour) {
      if (chunk !== null) chunks.put(chunk);
      chunk = { hour_start_ms: hour, first_seq: event.seq, last_seq: event.seq, count: 0, events: [] };
    }
    chunk.events.push(event);
    chunk.count += 1;
    chunk.last_seq = event.seq;
  }
  if (chunk !== null) chunks.put(chunk);
  if (hours !== null) {
    var store = tx.objectStore('rollup_hours');
    for (var h = 0; h < hours.length; h++) store.put(hours[h]);
    for (var m = 0; m < meta.length; m++) tx.objectStore('meta').put(meta[m]);
  }
  await done(tx);
  db.close();
  return to - from;
})`;
