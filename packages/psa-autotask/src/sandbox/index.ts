// `@vectis/psa-autotask/sandbox`: a fake Autotask REST tenant for tests, examples and benchmarks.
export { createAutotaskSandbox, AUTOTASK_SANDBOX_CREDENTIALS } from './sandbox';
export type { AutotaskSandbox, AutotaskSandboxOptions } from './sandbox';
export type { Entities as AutotaskEntities } from './seed';
