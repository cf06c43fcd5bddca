// `@vectis/connector-pax8/sandbox`: a fake Pax8 Partner API tenant.
export { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from './sandbox';
export type { Pax8Sandbox, Pax8SandboxOptions } from './sandbox';
export type { SandboxChange, SandboxCompanySeed } from './tenant';
export type { FakeFault, SandboxRequestLog, SandboxStats, RequestKind } from './traffic';
export type { SandboxServer } from '@vectis/connector-core';
export type { SandboxData, SandboxCompany, SandboxSubscription, SandboxProduct, SandboxPricing, SandboxRate, SandboxAddress, SandboxUsageSummary } from './types';
