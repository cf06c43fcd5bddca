// `@vectis/psa-halo/sandbox`: a fake HaloPSA instance for tests, examples and benchmarks.
export { createHaloSandbox, HALO_SANDBOX_CREDENTIALS } from './sandbox';
export type { HaloSandbox, HaloSandboxOptions } from './sandbox';
export type { HaloTenant } from './seed';
