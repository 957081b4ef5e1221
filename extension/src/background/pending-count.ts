import { z } from 'zod';

/**
 * Where the context menu leaves the selected text for the popup to count: `browser.storage.session` under
 * `pending_count`. The popup reads it on opening, counts it, and removes the key.
 */
export const PENDING_COUNT_KEY = 'pending_count';

/** The selection waiting to be counted: its text, the page it came from, and when (epoch ms). */
export const pendingCountSchema = z.object({
  text: z.string(),
  page_url: z.string().nullable(),
  created_at: z.number(),
});
export type PendingCount = z.infer<typeof pendingCountSchema>;
