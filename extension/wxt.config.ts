import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'src',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Tokentally',
    description: 'See what your AI agents spend on LLM tokens, against your budgets.',
    permissions: ['storage', 'alarms', 'notifications', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  },
});
