import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storedEventSchema } from '../schema/stored-event';
import { fakeStoredEvent } from './fake-stored-event';
import { ndjsonLine, toJsonExport, toNdjson } from './json-export';
import { exportStatisticsSchema } from './statistics';

const jsonExportSchema = z.strictObject({
  statistics: exportStatisticsSchema,
  events: z.array(storedEventSchema),
});

const events = [
  fakeStoredEvent({ seq: 1, id: 'a', tags: { team: 'core' } }),
  fakeStoredEvent({ seq: 2, id: 'b', cost_usd: null, cost_source: 'unpriced', agent: 'main/researcher' }),
];

describe('toJsonExport', () => {
  it('parses back into statistics and events that validate as stored events', () => {
    const parsed = jsonExportSchema.parse(JSON.parse(toJsonExport(events, '2025-03-02T00:00:00.000Z')));
    expect(parsed.events).toEqual(events);
    expect(parsed.statistics).toMatchObject({ requests: 2, cost_usd: 0.0081, unpriced_requests: 1 });
  });

  it('puts statistics before events and each event on its own line', () => {
    const text = toJsonExport(events, '2025-03-02T00:00:00.000Z');
    expect(text.startsWith('{"statistics":{"generated_at":"2025-03-02T00:00:00.000Z",')).toBe(true);
    expect(text.split('\n').map((line) => line.slice(0, 16))).toEqual([
      '{"statistics":{"',
      '{"seq":1,"id":"a',
      '{"seq":2,"id":"b',
      ']}',
      '',
    ]);
  });

  it('writes an empty events array for no events', () => {
    expect(JSON.parse(toJsonExport([], '2025-03-02T00:00:00.000Z'))).toMatchObject({ events: [] });
  });
});

describe('ndjson', () => {
  it('writes one compact stored event per line', () => {
    expect(ndjsonLine(fakeStoredEvent({ tags: { a: 'b' } }))).toBe(
      '{"seq":1,"id":"evt-1","ts":"2025-03-01T12:00:00.000Z","received_at":"2025-03-01T12:00:00.250Z",' +
        '"model":"claude-sonnet-4-5","provider":"anthropic","input_tokens":1200,"output_tokens":300,' +
        '"cache_creation_input_tokens":0,"cache_creation_1h_input_tokens":0,"cache_read_input_tokens":0,' +
        '"reasoning_tokens":0,"total_tokens":1500,"cost_usd":0.0081,"cost_source":"computed","agent":null,' +
        '"session_id":null,"project":null,"tool":null,"request_id":null,"source":"api","duration_ms":null,' +
        '"status":"ok","error":null,"tags":{"a":"b"}}\n',
    );
  });

  it('parses back line by line into valid stored events', () => {
    const lines = toNdjson(events).trimEnd().split('\n');
    expect(lines.map((line) => storedEventSchema.parse(JSON.parse(line)))).toEqual(events);
  });
});
