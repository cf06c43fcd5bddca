import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// `node:sqlite` exists only with its prefix; tsup's default strips `node:` and emits a broken `from "sqlite"`.
export default defineConfig({ ...base, removeNodeProtocol: false });
