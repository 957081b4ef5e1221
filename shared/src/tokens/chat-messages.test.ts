import { beforeAll, describe, expect, it } from 'vitest';
import { chatMessageSchema, countChatTokens } from './chat-messages';
import type { Encoder } from './encoder';
import { loadEncoding } from './load-encoding';

// Expected values are js-tiktoken counts plus the cookbook overhead, worked out by hand in each comment:
// 3 per message, 1 more per name, 3 to prime the reply.

let o200k: Encoder;
let cl100k: Encoder;
beforeAll(async () => {
  [o200k, cl100k] = await Promise.all([loadEncoding('o200k_base'), loadEncoding('cl100k_base')]);
}, 60_000);

// The OpenAI cookbook's own example, whose API-reported prompt tokens are 129 (gpt-4-0613) and 124 (gpt-4o).
const COOKBOOK = [
  {
    role: 'system',
    content:
      'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
  },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  {
    role: 'system',
    name: 'example_assistant',
    content: 'Things working well together will increase revenue.',
  },
  {
    role: 'system',
    name: 'example_user',
    content:
      "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: 'user',
    content: "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
];

describe('countChatTokens', () => {
  it('adds 3 per message and 3 for the reply', () => {
    // system 1 + "You are a helpful assistant." 6 + 3 = 10; 10 + 3 = 13.
    expect(countChatTokens(o200k, [{ role: 'system', content: 'You are a helpful assistant.' }])).toBe(13);
  });

  it('adds 1 per name on top of the name itself', () => {
    // (3 + system 1 + 6) + (3 + user 1 + "Hello! How many tokens is this?" 8 + 1 + alice 1) + 3 = 27.
    const messages = [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Hello! How many tokens is this?', name: 'alice' },
    ];
    expect(countChatTokens(o200k, messages)).toBe(27);
  });

  it('counts text parts, and a null or absent content as nothing', () => {
    // (3 + user 1 + "What is the capital of France?" 7 + "Answer in one word." 5) + (3 + assistant 1)
    // + (3 + tool 1) + 3 = 27.
    const messages = [
      {
        role: 'user',
        content: [
          { type: 'text' as const, text: 'What is the capital of France?' },
          { type: 'text' as const, text: 'Answer in one word.' },
        ],
      },
      { role: 'assistant', content: null },
      { role: 'tool' },
    ];
    expect(countChatTokens(o200k, messages)).toBe(27);
  });

  it('counts with the encoding given', () => {
    // "こんにちは、世界！" is 4 tokens in o200k_base and 6 in cl100k_base; 3 + user 1 + 3 around it.
    const messages = [{ role: 'user', content: 'こんにちは、世界！' }];
    expect([countChatTokens(o200k, messages), countChatTokens(cl100k, messages)]).toEqual([11, 13]);
  });

  it("matches the cookbook's API-reported counts", () => {
    expect([countChatTokens(cl100k, COOKBOOK), countChatTokens(o200k, COOKBOOK)]).toEqual([129, 124]);
  });

  it('counts an empty conversation as the reply priming alone', () => {
    expect(countChatTokens(o200k, [])).toBe(3);
  });
});

describe('chatMessageSchema', () => {
  it('accepts string, text-part and null content, and drops other fields', () => {
    const parsed = chatMessageSchema.safeParse({ role: 'tool', content: null, tool_call_id: 'x' });
    expect(parsed.data).toEqual({ role: 'tool', content: null });
  });

  it('refuses image parts rather than counting them as nothing', () => {
    const parsed = chatMessageSchema.safeParse({
      role: 'user',
      content: [{ type: 'image_url', image_url: 'x' }],
    });
    expect(parsed.success).toBe(false);
  });
});
