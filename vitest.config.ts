import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.ts';

export default defineConfig({
  // Setting conditions replaces Vite's defaults, so they are spread back in.
  ssr: { resolve: { conditions: ['dev-source', ...defaultServerConditions] } },
  resolve: { conditions: ['dev-source'] },
  test: { projects, clearMocks: true, restoreMocks: true },
});
