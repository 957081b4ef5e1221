import { PENDING_COUNT_KEY, type PendingCount } from './pending-count';

/** The id of the "Count tokens in selection" context menu entry. */
export const COUNT_MENU_ID = 'tokentally-count-selection';

/** The parts of a context menu click the entry reads. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string | undefined;
  pageUrl?: string | undefined;
}

/** The part of `browser.contextMenus` the entry uses. */
export interface ContextMenusLike {
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void>;
  onClicked: {
    addListener(listener: (info: MenuClick) => void): void;
  };
}

interface CountMenuDeps {
  contextMenus: ContextMenusLike;
  session: { set(items: Record<string, unknown>): Promise<void> };
  /** Opens the popup (`browser.action.openPopup`), which counts the pending text. */
  openPopup: () => Promise<void>;
  now?: () => number;
}

/** Registers "Count tokens in selection": a click leaves the selection in `pending_count` and opens the popup. */
export function registerCountMenu({ contextMenus, session, openPopup, now = Date.now }: CountMenuDeps): void {
  contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== COUNT_MENU_ID) return;
    const pending: PendingCount = {
      text: info.selectionText ?? '',
      page_url: info.pageUrl ?? null,
      created_at: now(),
    };
    // Both start in the click's own turn: Firefox only opens the popup from a user action, and the write is
    // queued before the popup can read (the popup also watches the key in case it opens first).
    const stored = session.set({ [PENDING_COUNT_KEY]: pending });
    const opened = openPopup();
    Promise.all([stored, opened]).catch((error: unknown) => {
      console.warn('tokentally: could not open the popup; the selection is counted when it opens', error);
    });
  });
  // Recreated at every start: cheap, and it also works where menus do not outlive the worker.
  void contextMenus
    .removeAll()
    .then(() =>
      contextMenus.create({ id: COUNT_MENU_ID, title: 'Count tokens in selection', contexts: ['selection'] }),
    );
}
