/** The model the page count uses until the user picks another. */
export const DEFAULT_COUNT_MODEL = 'gpt-4o';

/** The models offered by the popup's picker, grouped by maker; any of them has a price in shared's catalog. */
export const COUNT_MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-5',
  'gpt-5-mini',
  'o3',
  'o4-mini',
  'gpt-4',
  'gpt-3.5-turbo',
  'claude-sonnet-4',
  'claude-opus-4',
  'claude-3-5-haiku',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'mistral-large-latest',
  'deepseek-chat',
] as const;
