// The single list of test projects. Inline projects inherit the root options (dev-source condition).
export default [
  { extends: true, test: { name: 'connector-core', root: 'packages/connector-core' } },
  { extends: true, test: { name: 'testkit', root: 'packages/testkit' } },
  { extends: true, test: { name: 'connector-ingram', root: 'packages/connector-ingram' } },
  { extends: true, test: { name: 'connector-pax8', root: 'packages/connector-pax8' } },
  { extends: true, test: { name: 'connector-sherweb', root: 'packages/connector-sherweb' } },
  { extends: true, test: { name: 'connector-synnex', root: 'packages/connector-synnex' } },
  { extends: true, test: { name: 'licensing-core', root: 'packages/licensing-core' } },
  { extends: true, test: { name: 'matching', root: 'packages/matching' } },
  { extends: true, test: { name: 'sync', root: 'packages/sync' } },
  { extends: true, test: { name: 'psa-connectwise', root: 'packages/psa-connectwise' } },
  { extends: true, test: { name: 'psa-halo', root: 'packages/psa-halo' } },
  { extends: true, test: { name: 'psa-autotask', root: 'packages/psa-autotask' } },
  { extends: true, test: { name: 'scheduler', root: 'packages/scheduler', testTimeout: 60_000 } },
  { extends: true, test: { name: 'cli', root: 'packages/cli', globalSetup: ['test/build.ts'], testTimeout: 60_000 } },
];
