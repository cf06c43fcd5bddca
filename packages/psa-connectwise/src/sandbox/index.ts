// `@vectis/psa-connectwise/sandbox`: a fake ConnectWise PSA tenant for tests, examples and benchmarks.
export { createConnectWiseSandbox, CONNECTWISE_SANDBOX_CREDENTIALS } from './sandbox';
export type { ConnectWiseSandbox, ConnectWiseSandboxOptions } from './sandbox';
export type { CwTenant } from './seed';
export type { SandboxPsaClient, SandboxPsaLine } from './load';
