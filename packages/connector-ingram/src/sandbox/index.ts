// `@vectis/connector-ingram/sandbox`: a fake Ingram Micro Marketplace API tenant.
export { createIngramSandbox, SANDBOX_CREDENTIALS } from './sandbox';
export type { IngramSandbox, IngramSandboxOptions } from './sandbox';
export type { SandboxChange } from './tenant';
export type { FakeFault, SandboxRequestLog, SandboxStats, RequestKind } from './traffic';
export type { SandboxServer } from '@vectis/connector-core';
export type {
  SandboxData,
  SandboxCustomer,
  SandboxSubscription,
  SandboxProduct,
  SandboxMoney,
  SandboxPeriod,
  SandboxContactPerson,
} from './types';
