import { isConfigurationError } from '@vectis/connector-core';
import { createIngramConnector, parseRegion, resolveEndpoint } from '@vectis/connector-ingram';
import { describe, expect, it } from 'vitest';

const creds = { username: 'acme.api', password: 'pw-Secret-123', subscriptionKey: 'key-Secret-456' };

function configError(options: Record<string, unknown>) {
  try {
    createIngramConnector(options as never);
  } catch (error) {
    if (isConfigurationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('region, apiUrl and marketplace', () => {
  it('splits the product’s region us.na into marketplace us and gateway na, and says so', async () => {
    const { endpoint } = resolveEndpoint({ region: 'us.na' });
    expect(endpoint).toEqual({
      apiUrl: 'https://api.cloud.im/marketplace/na',
      marketplace: 'us',
      apiUrlSource: 'derived from region "us.na" (gateway "na")',
      marketplaceSource: 'derived from region "us.na"',
    });
  });

  it('accepts the control-panel host or URL and strips it to the region', () => {
    expect(parseRegion('cp.us.na.cloud.im')).toEqual(['us', 'na']);
    expect(parseRegion('https://cp.uk.eu.cloud.im/login?x=1')).toEqual(['uk', 'eu']);
    expect(parseRegion(' US.NA ')).toEqual(['us', 'na']);
  });

  it('a single-label region gives the gateway but asks for the marketplace', () => {
    const error = configError({ ...creds, region: 'eu' });
    expect(error.issues.map((i) => i.field)).toEqual(['marketplace']);
    expect(error.message).toContain('names only the gateway');
    expect(resolveEndpoint({ region: 'eu', marketplace: 'SE' }).endpoint).toMatchObject({
      apiUrl: 'https://api.cloud.im/marketplace/eu',
      marketplace: 'se',
      marketplaceSource: 'marketplace option',
    });
  });

  it('explicit apiUrl and marketplace win over the region', () => {
    const { endpoint } = resolveEndpoint({ region: 'us.na', apiUrl: 'https://api.cloud.im/marketplace/us/', marketplace: 'ca' });
    expect(endpoint).toMatchObject({ apiUrl: 'https://api.cloud.im/marketplace/us', marketplace: 'ca', apiUrlSource: 'apiUrl option' });
  });

  it('refuses regions that would point requests at another host', () => {
    for (const region of ['us.na/../../evil', 'https://evil.example/cp.us.na.cloud.im', 'cp.us.na.evil.com', 'us.na@evil.com', 'a.b.c', 'https://cp.us.na.cloud.im:8443', '']) {
      expect(parseRegion(region), region).toBeUndefined();
    }
    expect(configError({ ...creds, region: 'us.na.evil.com' }).issues.map((i) => i.field)).toContain('region');
  });

  it('refuses the control panel as apiUrl, plain http, and embedded credentials', () => {
    expect(configError({ ...creds, apiUrl: 'https://cp.us.na.cloud.im', marketplace: 'us' }).message).toContain('control-panel address');
    expect(configError({ ...creds, apiUrl: 'http://api.cloud.im/marketplace/na', marketplace: 'us' }).issues[0]?.field).toBe('apiUrl');
    expect(configError({ ...creds, apiUrl: 'http://127.0.0.1:4000/marketplace/na', marketplace: 'us' }).message).toContain('allowInsecureLoopback');
    expect(() =>
      createIngramConnector({ ...creds, apiUrl: 'http://127.0.0.1:4000/marketplace/na', marketplace: 'us', allowInsecureLoopback: true }),
    ).not.toThrow();
    expect(configError({ ...creds, apiUrl: 'https://u:p@api.cloud.im/marketplace/na', marketplace: 'us' }).issues[0]?.field).toBe('apiUrl');
  });

  it('lists every bad option at once and never echoes a value', () => {
    const error = configError({ password: 'hunter2-Secret', subscriptionKey: '', pacing: { limit: 0, intervalMs: 60_000 }, concurrency: 99, timeout: 5 });
    const fields = error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(['(options)', 'apiUrl', 'concurrency', 'marketplace', 'pacing', 'subscriptionKey', 'username'].sort());
    expect(error.message).not.toContain('hunter2');
  });

  it('accepts clientId or its NOTES name applicationId, but not two different values', () => {
    expect(() => createIngramConnector({ ...creds, region: 'us.na', applicationId: 'app-1' })).not.toThrow();
    expect(configError({ ...creds, region: 'us.na', applicationId: 'app-1', clientId: 'app-2' }).issues[0]?.field).toBe('applicationId');
  });
});
