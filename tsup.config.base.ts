import type { Options } from 'tsup';

// Shared by every package's tsup.config.ts, so swapping bundlers is a one-file change.
export const base: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  dts: true,
  clean: true,
  sourcemap: true,
  // Keep `node:` specifiers: tsup's default strips them, which turns `node:sqlite` into a missing `sqlite` package.
  removeNodeProtocol: false,
};
