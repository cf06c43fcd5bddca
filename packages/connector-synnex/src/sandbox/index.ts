// `@vectis/connector-synnex/sandbox`: a fake TD SYNNEX StreamOne Ion v3 tenant.
export { createSynnexSandbox, SANDBOX_CREDENTIALS } from './sandbox';
export type { SynnexSandbox, SynnexSandboxOptions } from './sandbox';
export type { RotationMode, TokenGrant } from './auth';
export type { SandboxStats, RequestKind } from './traffic';
export type { SandboxServer } from '@vectis/connector-core';
export type { SandboxData, SandboxCustomer, SandboxSubscription, SandboxBillingData } from './types';
export type { FakeFault } from './traffic';
export type { FakeRequestLog } from '@vectis/connector-core';
