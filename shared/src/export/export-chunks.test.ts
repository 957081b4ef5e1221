import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { exportChunks, exportFileName } from './export-chunks';
import { fakeStoredEvent } from './fake-stored-event';
import { toJsonExport, toNdjson } from './json-export';
import { exportStatistics } from './statistics';

const events = [1, 2, 3].map((seq) => fakeStoredEvent({ seq, id: `evt-${seq}` }));
const generatedAt = '2025-03-02T00:00:00.000Z';

function* countedEvents(pulled: number[]) {
  for (const event of events) {
    pulled.push(event.seq);
    yield event;
  }
}

describe('exportChunks', () => {
  it('joins to exactly the whole CSV export', () => {
    expect([...exportChunks({ format: 'csv' }, events)].join('')).toBe(toCsv(events));
  });

  it('joins to exactly the whole NDJSON export', () => {
    expect([...exportChunks({ format: 'ndjson' }, events)].join('')).toBe(toNdjson(events));
  });

  it('joins to exactly the whole JSON export, statistics first', () => {
    const statistics = exportStatistics(events, generatedAt);
    expect([...exportChunks({ format: 'json', statistics }, events)].join('')).toBe(
      toJsonExport(events, generatedAt),
    );
  });

  it('writes a JSON export of no events that parses', () => {
    const statistics = exportStatistics([], generatedAt);
    const text = [...exportChunks({ format: 'json', statistics }, [])].join('');
    expect(JSON.parse(text)).toEqual({ statistics, events: [] });
  });

  it('yields a chunk once it reaches the chunk size', () => {
    const chunks = [...exportChunks({ format: 'ndjson' }, events, { chunkSize: 1 })];
    expect(chunks.map((chunk) => chunk.slice(0, 20))).toEqual([
      '{"seq":1,"id":"evt-1',
      '{"seq":2,"id":"evt-2',
      '{"seq":3,"id":"evt-3',
    ]);
  });

  it('pulls events lazily, one chunk at a time', () => {
    const pulled: number[] = [];
    const chunks = exportChunks({ format: 'csv' }, countedEvents(pulled), { chunkSize: 1 });
    chunks.next();
    chunks.next();
    expect(pulled).toEqual([1]);
  });
});

describe('exportFileName', () => {
  it('names the file after the date and the format', () => {
    expect(exportFileName('ndjson', generatedAt)).toBe('tokentally-2025-03-02.ndjson');
  });
});
