import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// Two entry points: the reader and its sandbox tenant (`@vectis/psa-halo/sandbox`).
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/sandbox/index.ts'] });
