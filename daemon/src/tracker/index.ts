// The TypeScript client for agents: `import { createTracker } from '@tokentally/daemon/tracker/index'`.
export { BudgetExceededError } from './budget-check';
export { createTracker } from './create-tracker';
export {
  type AnthropicMessageLike,
  type OpenAIResponseLike,
  type ResponseLabels,
  recordAnthropic,
  recordOpenAI,
} from './provider-responses';
export { DEFAULT_URL } from './tracker-config';
export type {
  BudgetCheckResult,
  BudgetFilters,
  DropReason,
  DropReport,
  ExceededBudget,
  RecordInput,
  Tracker,
  TrackerFetch,
  TrackerOptions,
  TrackerStats,
} from './tracker-types';
