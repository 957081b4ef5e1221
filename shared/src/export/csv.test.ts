import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvHeader, csvRow, toCsv } from './csv';
import { fakeStoredEvent } from './fake-stored-event';

describe('csvHeader', () => {
  it('lists the documented columns in order and ends with CRLF', () => {
    expect(csvHeader()).toBe(
      'seq,id,ts,received_at,provider,model,agent,project,session_id,tool,request_id,source,input_tokens,' +
        'output_tokens,cache_creation_input_tokens,cache_creation_1h_input_tokens,cache_read_input_tokens,' +
        'reasoning_tokens,total_tokens,cost_usd,cost_source,duration_ms,status,error,tags\r\n',
    );
  });

  it('has 25 columns', () => {
    expect(CSV_COLUMNS).toHaveLength(25);
  });
});

describe('csvRow', () => {
  it('writes a plain event with nulls as empty cells and tags as compact JSON', () => {
    expect(csvRow(fakeStoredEvent())).toBe(
      '1,evt-1,2025-03-01T12:00:00.000Z,2025-03-01T12:00:00.250Z,anthropic,claude-sonnet-4-5,,,,,,api,' +
        '1200,300,0,0,0,0,1500,0.0081,computed,,ok,,{}\r\n',
    );
  });

  it('quotes tags, since their JSON holds commas and quotes', () => {
    const row = csvRow(fakeStoredEvent({ tags: { team: 'core', env: 'prod' } }));
    expect(row.endsWith(',"{""team"":""core"",""env"":""prod""}"\r\n')).toBe(true);
  });

  it('writes an unpriced event with an empty cost', () => {
    const row = csvRow(fakeStoredEvent({ cost_usd: null, cost_source: 'unpriced', duration_ms: 840 }));
    expect(row.endsWith(',1500,,unpriced,840,ok,,{}\r\n')).toBe(true);
  });

  it('makes formula-like labels inert and quotes those that need it', () => {
    const row = csvRow(
      fakeStoredEvent({
        agent: '=cmd|"/c calc"!A1',
        project: '+1,2',
        tool: '@sum',
        session_id: '-x',
        status: 'error',
        error: 'line 1\r\nline 2',
      }),
    );
    expect(row).toBe(
      '1,evt-1,2025-03-01T12:00:00.000Z,2025-03-01T12:00:00.250Z,anthropic,claude-sonnet-4-5,' +
        '"\'=cmd|""/c calc""!A1","\'+1,2",\'-x,\'@sum,,api,' +
        '1200,300,0,0,0,0,1500,0.0081,computed,,error,"line 1\r\nline 2",{}\r\n',
    );
  });

  it('writes a tiny cost in plain decimal notation', () => {
    expect(csvRow(fakeStoredEvent({ cost_usd: 2e-7 })).includes(',1500,0.0000002,computed,')).toBe(true);
  });
});

describe('toCsv', () => {
  it('writes the header alone for no events', () => {
    expect(toCsv([])).toBe(csvHeader());
  });

  it('writes one CRLF-terminated record per event after the header', () => {
    const csv = toCsv([fakeStoredEvent({ seq: 1 }), fakeStoredEvent({ seq: 2, id: 'evt-2' })]);
    expect(csv.split('\r\n').map((line) => line.slice(0, 8))).toEqual([
      'seq,id,t',
      '1,evt-1,',
      '2,evt-2,',
      '',
    ]);
  });
});
