import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { computeCost } from '@tokentally/shared/cost';
import { resolvePrice } from '@tokentally/shared/pricing/price-resolver';
import { ratesForInput } from '@tokentally/shared/pricing/model-price';
import { formatCount, formatUsd } from '@tokentally/shared/report/format-number';
import { summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { emptyTokenUsage } from '@tokentally/shared/schema/token-usage';
import { countTokens } from '@tokentally/shared/tokens/count-tokens';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { fail, writeJson, writeLines } from './output';
import { readAllText } from './streams';

const DEFAULT_MODEL = 'gpt-4o';

/** `tokentally count`: tokens, characters and input cost of a file or stdin, offline. */
export const countCommand = defineCommand({
  name: 'count',
  summary: 'count the tokens of a file or stdin, offline, and what they cost as input',
  help: `Usage: tokentally count FILE|- [--model MODEL] [--json]

Counts the tokens of FILE (or stdin with -) with the model's tokenizer, without the daemon, and prices them
as input at the model's list price. OpenAI models are counted exactly; others' tokenizers are not public,
so their count is an estimate with o200k_base.

Options:
  --model MODEL   tokenizer and price to use (default ${DEFAULT_MODEL})
  --json          print {"tokens", "characters", "encoding", "exact", "model", "input_cost_usd"}
  -h, --help      show this help

Examples:
  tokentally count README.md
  git diff | tokentally count - --model claude-sonnet-4-5`,
  options: { model: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(io, { values, positionals }) {
    const source = positionals[0] ?? '-';
    const model = values.model ?? DEFAULT_MODEL;
    let text: string;
    try {
      text = source === '-' ? await readAllText(io.stdin) : await readFile(resolve(io.cwd, source), 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(io, `cannot read ${source}: ${reason}`, EXIT.failure);
    }
    const result = await countTokens({ text }, { model });
    if (!result.ok) return fail(io, summarizeIssues(result.issues), EXIT.failure);
    const counted = result.value;
    // Code points, as a person counts characters; grapheme segmentation would cost more than the count itself.
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the intended unit
    const characters = [...text].length;
    const price = resolvePrice(model, { at: io.now() });
    const cost = computeCost({ ...emptyTokenUsage(), input_tokens: counted.tokens }, price);
    if (values.json === true) {
      const { tokens, encoding, exact } = counted;
      writeJson(io.stdout, { tokens, characters, encoding, exact, model, input_cost_usd: cost.cost_usd });
      return EXIT.ok;
    }
    const rate = price === undefined ? null : ratesForInput(price, counted.tokens).input;
    const costLine =
      cost.cost_usd === null || rate === null
        ? `input cost  unknown: no price for '${model}'`
        : `input cost  ${formatUsd(cost.cost_usd)} at ${model}'s input price (${formatUsd(rate)} per 1M tokens)`;
    writeLines(io.stdout, [
      `tokens      ${formatCount(counted.tokens)} (${counted.exact ? 'exact' : 'estimate'}, ${counted.encoding})`,
      `characters  ${formatCount(characters)}`,
      costLine,
    ]);
    return EXIT.ok;
  },
});
