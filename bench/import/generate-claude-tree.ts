import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, type Random } from '../tokens/prng';

/** What was written: total bytes and files. */
export interface GeneratedTree {
  bytes: number;
  files: number;
}

const WORDS =
  'the a function return const value error file test import export async await type string number data user request response model token cache write read build server client config path line json parse stream event index'.split(
    ' ',
  );
const DAY_MS = 86_400_000;
const START = Date.UTC(2025, 5, 1);
const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-1-20250805', 'claude-haiku-4-5-20251001'];

function hex(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[random.below(16)] ?? '0';
  return out;
}

const uuid = (random: Random): string =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

/** A pool of prose; slices of it make long contents cheaply. */
function textPool(random: Random): string {
  const words: string[] = [];
  for (let i = 0; i < 200_000; i++) words.push(random.pick(WORDS));
  return words.join(' ');
}

interface SessionWriter {
  lines: string[];
  bytes: number;
}

/**
 * Writes a Claude Code `projects/` tree shaped like real use: sessions of prompts, responses streamed as one
 * line per content block (same message id, growing output), long tool results (also echoed in `toolUseResult`),
 * subagent transcripts, and the odd `<synthetic>` API error. Deterministic for a seed.
 */
export function generateClaudeTree(dir: string, targetBytes: number, seed = 7): GeneratedTree {
  const random = createRandom(seed);
  const pool = textPool(random);
  const slice = (length: number): string => {
    const start = random.below(pool.length - length - 1);
    return pool.slice(start, start + length);
  };
  let bytes = 0;
  let files = 0;
  let sessionIndex = 0;
  while (bytes < targetBytes) {
    const project = `webapp-${sessionIndex % 12}`;
    const cwd = `/home/dev/projects/${project}`;
    const projectDir = join(dir, 'projects', cwd.replace(/[/.]/g, '-'));
    const sessionId = uuid(random);
    let clock = START + random.below(30) * DAY_MS + random.below(DAY_MS - 4 * 3_600_000);
    const write = (path: string, session: SessionWriter): void => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, session.lines.join(''));
      bytes += session.bytes;
      files++;
    };
    const common = (agentId?: string) => ({
      parentUuid: uuid(random),
      isSidechain: agentId !== undefined,
      userType: 'external',
      cwd,
      sessionId,
      version: '2.0.61',
      gitBranch: 'main',
      ...(agentId === undefined ? {} : { agentId }),
    });
    const push = (session: SessionWriter, value: unknown): void => {
      const line = `${JSON.stringify(value)}\n`;
      session.lines.push(line);
      session.bytes += Buffer.byteLength(line);
    };
    const turn = (session: SessionWriter, agentId?: string): void => {
      const at = (): string => new Date((clock += 500 + random.below(20_000))).toISOString();
      push(session, {
        ...common(agentId),
        type: 'user',
        message: { role: 'user', content: slice(40 + random.below(400)) },
        uuid: uuid(random),
        timestamp: at(),
      });
      const messageId = `msg_01${hex(random, 22)}`;
      const requestId = `req_011C${hex(random, 20)}`;
      const model = random.pick(MODELS);
      const cacheRead = 10_000 + random.below(140_000);
      const oneHour = random.below(4) === 0 ? random.below(3000) : 0;
      const fiveMinutes = random.below(5000);
      const blocks = 1 + random.below(4);
      const finalOutput = 20 + random.below(2000);
      // Real logs repeat one response's input and cache counts on every line; only the output grows.
      const input = 1 + random.below(10);
      for (let block = 0; block < blocks; block++) {
        const last = block === blocks - 1;
        const kind =
          block === 0 && blocks > 1 ? 'thinking' : last && random.below(2) === 0 ? 'tool_use' : 'text';
        const content =
          kind === 'thinking'
            ? [{ type: 'thinking', thinking: slice(200 + random.below(2000)), signature: hex(random, 200) }]
            : kind === 'tool_use'
              ? [
                  {
                    type: 'tool_use',
                    id: `toolu_${hex(random, 24)}`,
                    name: 'Write',
                    input: { file_path: `${cwd}/src/x.ts`, content: slice(500 + random.below(8000)) },
                  },
                ]
              : [{ type: 'text', text: slice(100 + random.below(1500)) }];
        const usage = {
          input_tokens: input,
          cache_creation_input_tokens: oneHour + fiveMinutes,
          cache_read_input_tokens: cacheRead,
          cache_creation: { ephemeral_5m_input_tokens: fiveMinutes, ephemeral_1h_input_tokens: oneHour },
          output_tokens: last ? finalOutput : 1 + random.below(10),
          service_tier: 'standard',
        };
        push(session, {
          ...common(agentId),
          message: {
            id: messageId,
            type: 'message',
            role: 'assistant',
            model,
            content,
            stop_reason: null,
            stop_sequence: null,
            usage,
          },
          requestId,
          type: 'assistant',
          uuid: uuid(random),
          timestamp: at(),
        });
      }
      const result = slice(1000 + random.below(30_000));
      push(session, {
        ...common(agentId),
        type: 'user',
        message: {
          role: 'user',
          content: [{ tool_use_id: `toolu_${hex(random, 24)}`, type: 'tool_result', content: result }],
        },
        uuid: uuid(random),
        timestamp: at(),
        toolUseResult: { stdout: result, stderr: '', interrupted: false },
      });
      if (random.below(200) === 0) {
        push(session, {
          ...common(agentId),
          type: 'assistant',
          isApiErrorMessage: true,
          uuid: uuid(random),
          timestamp: at(),
          message: {
            id: uuid(random),
            model: '<synthetic>',
            role: 'assistant',
            content: [{ type: 'text', text: 'API Error: 529 overloaded' }],
            usage: {
              input_tokens: 0,
              output_tokens: 0,
              cache_creation_input_tokens: 0,
              cache_read_input_tokens: 0,
            },
          },
        });
      }
    };
    const main: SessionWriter = { lines: [], bytes: 0 };
    push(main, { type: 'summary', summary: slice(60), leafUuid: uuid(random) });
    const turns = 40 + random.below(200);
    for (let i = 0; i < turns; i++) turn(main);
    write(join(projectDir, `${sessionId}.jsonl`), main);
    const subagents = random.below(4) === 0 ? 1 + random.below(3) : 0;
    for (let s = 0; s < subagents; s++) {
      const agentId = hex(random, 17);
      const sub: SessionWriter = { lines: [], bytes: 0 };
      for (let i = 0; i < 10 + random.below(40); i++) turn(sub, agentId);
      const subDir = join(projectDir, sessionId, 'subagents');
      write(join(subDir, `agent-${agentId}.jsonl`), sub);
      writeFileSync(
        join(subDir, `agent-${agentId}.meta.json`),
        JSON.stringify({ agentType: random.pick(['Explore', 'general-purpose', 'Plan']) }),
      );
    }
    sessionIndex++;
  }
  return { bytes, files };
}
