// The few extension APIs tests and benchmarks call inside Chromium through `worker.evaluate`: the code runs where
// `chrome` exists, but is type-checked here. Import this module for its global declaration.

/** The parts of the `chrome` namespace evaluated code uses. */
export interface ChromeApi {
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    session: {
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
  tabs: { query(query: Record<string, never>): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(details: Record<string, never>): Promise<string>;
    getBadgeBackgroundColor(details: Record<string, never>): Promise<[number, number, number, number]>;
    getTitle(details: Record<string, never>): Promise<string>;
  };
}

declare global {
  const chrome: ChromeApi;
}
