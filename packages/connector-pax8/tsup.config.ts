import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// Two entry points: the connector and its sandbox tenant (`@vectis/connector-pax8/sandbox`).
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/sandbox/index.ts'] });
