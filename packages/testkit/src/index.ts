// Curated surface of the private test kit: the contract suite, its cases and the msw helpers.
export { connectorContract, contractCases, createContractContext, CONTRACT_TUNING } from './contract/suite';
export type { ContractCase, ContractContext, ContractEnv, ContractOptions, ContractTuning } from './contract/types';
export { capabilitiesCase, pagingCase, shiftingPagesCase, testConnectionCase, unknownStatusCase } from './contract/cases-data';
export { malformedJsonCase, rateLimitCase, schemaDriftCase, serverErrorCase, timeoutCase, unauthorizedCase } from './contract/cases-faults';
export { abortCase, readOnlyCase, secretsCase } from './contract/cases-safety';
export { badRecordCase, echoedSecretsCase, lyingTotalCase, redirectCase, truncatedJsonCase } from './contract/cases-hostile';
export { errorText, filterChanges } from './contract/helpers';
export { psaReaderContract } from './contract/psa-suite';
export type { PsaContractEnv, PsaContractOptions } from './contract/psa-suite';
export { fakeHandlers, useFakeApi } from './msw';
export { scrubFixture } from './scrub';
export type { ScrubOptions } from './scrub';
// The fake-API types live in connector-core (published sandboxes implement them); re-exported for tests.
export type { ContractFake, ExtendedFakeFault, FakeFault, FakeFeature, FakeRequestLog } from '@vectis/connector-core';
