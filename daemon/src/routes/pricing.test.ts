import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarySchema } from '@tokentally/shared/api/summary';
import { fakeWireEvent } from '../test-support/fake-event';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';

let t: TestDaemon;
beforeEach(async () => {
  t = await startTestDaemon();
});
afterEach(async () => {
  await t.close();
});

const costByModel = async (): Promise<Record<string, [number, number]>> => {
  const summary = summarySchema.parse((await t.json('/v1/summary?group_by=model')).body);
  return Object.fromEntries(
    summary.groups.map((group) => [group.key, [group.cost_usd, group.unpriced_requests]]),
  );
};

describe('pricing', () => {
  it('resolves a model price from the bundled table', async () => {
    const { body } = await t.json('/v1/pricing?model=gpt-4o');
    expect(body).toMatchObject({
      model: 'gpt-4o',
      price: { input: 2.5, output: 10, source: 'genai-prices' },
      overrides: [],
    });
  });

  it('answers a null price for an unknown model', async () => {
    expect((await t.json('/v1/pricing?model=no-such-model-xyz')).body).toEqual({
      model: 'no-such-model-xyz',
      price: null,
      overrides: [],
    });
  });

  it('re-prices stored events when an override is set, and back when it is removed', async () => {
    await t.json('/v1/events', {
      body: [
        fakeWireEvent({ model: 'my-local-model', input_tokens: 1_000_000, output_tokens: 0 }),
        fakeWireEvent({ model: 'my-local-model', input_tokens: 0, output_tokens: 1_000_000 }),
        fakeWireEvent({ model: 'my-local-model', input_tokens: 5, output_tokens: 5, cost_usd: 7 }),
      ],
    });
    const before = await costByModel();
    const put = await t.json('/v1/pricing/overrides/my-local-model', {
      method: 'PUT',
      body: { input: 1, output: 3 },
    });
    const during = await costByModel();
    const listed = await t.json('/v1/pricing?model=my-local-model');
    const removed = await t.json('/v1/pricing/overrides/my-local-model', { method: 'DELETE' });
    const after = await costByModel();
    expect(before).toEqual({ 'my-local-model': [7, 2] });
    expect(put).toEqual({
      status: 200,
      body: {
        model: 'my-local-model',
        input: 1,
        output: 3,
        cache_write: null,
        cache_write_1h: null,
        cache_read: null,
        repriced_events: 2,
      },
    });
    expect(during).toEqual({ 'my-local-model': [11, 0] });
    expect(listed.body).toMatchObject({
      price: { input: 1, output: 3, source: 'override' },
      overrides: [{ model: 'my-local-model' }],
    });
    expect(removed).toEqual({
      status: 200,
      body: { deleted: true, model: 'my-local-model', repriced_events: 2 },
    });
    expect(after).toEqual({ 'my-local-model': [7, 2] });
  });

  it('re-prices the stored event rows too, and prices new events with the override', async () => {
    await t.json('/v1/pricing/overrides/OpenAI%2FGPT-4o', {
      method: 'PUT',
      body: { input: 0.001, output: 0.002, unit: 'per_1k' },
    });
    await t.json('/v1/events', {
      body: fakeWireEvent({ model: 'openai/gpt-4o', input_tokens: 1000, output_tokens: 1000 }),
    });
    const { body } = await t.json('/v1/events');
    expect(body).toMatchObject({ events: [{ cost_usd: 0.003, cost_source: 'computed' }] });
  });

  it('applies an override by its undated name to dated models', async () => {
    await t.json('/v1/events', {
      body: fakeWireEvent({ model: 'claude-sonnet-4-20250514', input_tokens: 1_000_000, output_tokens: 0 }),
    });
    await t.json('/v1/pricing/overrides/claude-sonnet-4', { method: 'PUT', body: { input: 1, output: 1 } });
    expect(await costByModel()).toEqual({ 'claude-sonnet-4-20250514': [1, 0] });
  });

  it('refuses a bad override, naming the field', async () => {
    const negative = await t.json('/v1/pricing/overrides/x', {
      method: 'PUT',
      body: { input: -1, output: 1 },
    });
    const unknown = await t.json('/v1/pricing/overrides/x', {
      method: 'PUT',
      body: { input: 1, output: 1, colour: 'red' },
    });
    expect(negative).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'input' }] } } });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: 'colour', message: 'unknown field' }] } },
    });
  });

  it('answers 404 when deleting an override that does not exist', async () => {
    expect((await t.json('/v1/pricing/overrides/none', { method: 'DELETE' })).status).toBe(404);
  });
});
