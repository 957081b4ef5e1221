import { z } from 'zod';

/** Where counted text came from: the page's selection, its visible text, or the context menu's selection. */
export type TextSource = 'selection' | 'page' | 'context-menu';

/** A tab's text to count, or why it could not be read. */
export type PageText = { ok: true; text: string; source: TextSource } | { ok: false; message: string };

const injectedResultSchema = z.object({ text: z.string(), source: z.enum(['selection', 'page']) });

/** The part of `browser.scripting` used to read a tab. */
export interface ScriptingLike {
  executeScript(injection: {
    target: { tabId: number };
    func: () => { text: string; source: 'selection' | 'page' };
  }): Promise<{ result?: unknown }[]>;
}

// Runs in the page, so it must not use anything from this module's scope.
function readSelectionOrPage(): { text: string; source: 'selection' | 'page' } {
  const selection = globalThis.getSelection()?.toString() ?? '';
  if (selection !== '') return { text: selection, source: 'selection' };
  return { text: document.body.innerText, source: 'page' };
}

/**
 * Reads a tab's selection, or its visible text when nothing is selected, through `scripting.executeScript`
 * (allowed by `activeTab` once the user opened the popup on that tab). Pages the browser keeps extensions out of
 * (chrome://, the web store) give a message instead.
 */
export async function readTabText(scripting: ScriptingLike, tabId: number): Promise<PageText> {
  try {
    const [frame] = await scripting.executeScript({ target: { tabId }, func: readSelectionOrPage });
    const parsed = injectedResultSchema.safeParse(frame?.result);
    if (!parsed.success) return { ok: false, message: 'This page has no text to count.' };
    return { ok: true, ...parsed.data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This page cannot be read by extensions (${reason}).` };
  }
}

/** The parts of `browser.tabs` used to find the tab the popup was opened on. */
export interface TabsLike {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number | undefined }[]>;
}

/**
 * The tab whose text the popup counts: the `tab` query parameter when the popup page was opened with one (as in a
 * tab of its own, e.g. by tests), otherwise the active tab of the window the popup belongs to.
 */
export async function targetTabId(tabs: TabsLike, search: string): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
