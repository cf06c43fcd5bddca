// `@vectis/connector-sherweb/sandbox`: a fake Sherweb gateway tenant (auth, Service Provider, Distributor).
export { createSherwebSandbox, SANDBOX_CREDENTIALS } from './sandbox';
export type { SherwebSandbox, SherwebSandboxOptions, SandboxStats } from './sandbox';
export type { SandboxServer } from '@vectis/connector-core';
export type { SandboxData, SandboxCustomer, SandboxSubscription, SandboxCharge, SandboxCommitmentTerm, SandboxCurrency } from './types';
