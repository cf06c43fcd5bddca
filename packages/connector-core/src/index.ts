// Curated public surface: named exports only, internals stay private.
export {
  VectisError,
  isVectisError,
  HttpError,
  isHttpError,
  AuthenticationError,
  isAuthenticationError,
  PermissionError,
  isPermissionError,
  NotFoundError,
  isNotFoundError,
  RateLimitError,
  isRateLimitError,
  ServerError,
  isServerError,
  RedirectError,
  isRedirectError,
  NetworkError,
  isNetworkError,
  TimeoutError,
  isTimeoutError,
  SchemaDriftError,
  isSchemaDriftError,
  ConfigurationError,
  isConfigurationError,
  NotImplementedError,
  isNotImplementedError,
  CredentialStoreError,
  isCredentialStoreError,
  ReadOnlyViolationError,
  isReadOnlyViolationError,
  httpErrorFromResponse,
  redact,
} from './errors/index';
export type { VectisErrorOptions, HttpErrorDetails, DriftIssue, ConfigIssue, ErrorRemedies } from './errors/index';

export { Vendor, VENDORS, VENDOR_LABELS, normalizeVendor } from './schemas/vendor';
export { Money, DecimalString, CurrencyCode } from './schemas/money';
export { Term, BillingFrequency, termMonths } from './schemas/terms';
export { Customer, CustomerStatus, Address, CustomerDomain } from './schemas/customer';
export { Subscription, SubscriptionStatus, IsoDate } from './schemas/subscription';
export { Usage, UsageCharges, SeatSnapshot, IsoWeek, isoWeek } from './schemas/usage';

export { collect } from './connector';
export { createStubConnector } from './stub';
export type { ContractFake, FakeFault, ExtendedFakeFault, FakeFeature, FakeRequestLog } from './fake-api';
export type {
  DistributorConnector,
  ConnectorCapabilities,
  Checkpoint,
  StreamName,
  Coverage,
  ProgressEvent,
  ListOptions,
  PreviousLines,
  SubscriptionListOptions,
  SeatSnapshotOptions,
  Batch,
  RejectedRecord,
  ConnectionTestResult,
} from './connector';

export { listenFakeApi } from './sandbox-server';
export { sandboxRateGate, slidingWindow } from './sliding-window';
export type { SandboxServer } from './sandbox-server';
export { createHttpClient } from './http/client';
export type { HttpClient, HttpClientOptions, HttpClientStats, GetOptions } from './http/client';
export { createPacer, isRateBudget } from './http/pacing';
export type { RateBudget, PacerOptions, PacerClock } from './http/pacing';
export { readOnlyFetch } from './http/guard';
export type { AllowedCall } from './http/guard';
export { paginate, rejectedReason } from './http/paging';
export { parseRecords, parseRecord, seatCount } from './http/records';
export type { RecordContext } from './http/records';
export type { PageCursor, PageResult, PaginateOptions } from './http/paging';
export { parseRetryAfter } from './http/timing';
export type { ErrorBodyReader } from './http/failure';

export { basicTokenAuth } from './auth/basic-token';
export type { BasicTokenAuthOptions } from './auth/basic-token';
export { clientCredentialsAuth, refreshTokenAuth } from './auth/oauth';
export type { ClientCredentialsAuthOptions, RefreshTokenAuthOptions } from './auth/oauth';
export type { AuthStrategy, Authorization, TokenRequest, TokenSender, TokenReason } from './auth/types';

export { parseOptions, httpsUrl, hostLabel } from './config/options';
export {
  tuningFields,
  serviceUrl,
  loopbackOptIn,
  refinement as crossCheckRefinement,
  credential as credentialField,
  optionalCredential as optionalCredentialField,
  headerValue as headerValueField,
  optionalHeaderValue as optionalHeaderValueField,
  parseConnectorOptions,
} from './config/connector-options';
export type { CrossCheck, ConnectorTuningOptions } from './config/connector-options';

// PSA readers (issue 18): the interface, normalized PSA records, the id-cursor pager, fixed-header auth, the PSA fake type.
export { PsaCompany, PsaContractLine, PsaProduct, PsaBillingPeriod } from './schemas/psa';
export type {
  PsaReader,
  PsaKind,
  PsaStreamName,
  PsaCoverage,
  PsaRejectedRecord,
  PsaBatch,
  PsaProgressEvent,
  PsaListOptions,
  PsaContractLineOptions,
  PsaCapabilities,
  PsaConnectionTestResult,
  PsaUsage,
} from './psa/reader';
export { paginatePsa } from './psa/paging';
export type { PsaPageCursor, PsaPagingOptions } from './psa/paging';
export { staticHeaderAuth } from './psa/auth';
export type { PsaFake, PsaFakeFault } from './psa/fake';
export { createPsaSandboxTraffic, sandboxRandom, sandboxSleep } from './psa/sandbox-traffic';
