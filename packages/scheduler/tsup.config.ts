import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

export default defineConfig(base);
