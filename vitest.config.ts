import { defineConfig } from 'vitest/config';

// Every package's tests run from the root in one go; TZ=UTC is set by the `test` script so
// time-zone-sensitive code is exercised with explicit zones, never the machine's.
export default defineConfig({
  test: {
    projects: ['shared', 'daemon', 'extension', 'test'],
  },
});
