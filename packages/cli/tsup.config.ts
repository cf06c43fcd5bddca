import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// Two entries: the library surface (index) and the `vectis` binary (bin, keeps its shebang).
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/bin.ts'] });
