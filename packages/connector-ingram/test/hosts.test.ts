import { isConfigurationError } from '@vectis/connector-core';
import { createIngramConnector, resolveEndpoint } from '@vectis/connector-ingram';
import { describe, expect, it } from 'vitest';

const creds = { username: 'acme.api', password: 'pw-Secret-123', subscriptionKey: 'key-Secret-456', marketplace: 'us' };

function problems(options: Record<string, unknown>) {
  try {
    createIngramConnector({ ...creds, ...options } as never);
    return [];
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    return error.issues.map((i) => `${i.field}: ${i.message}`);
  }
}

describe('apiUrl hosts are compared normalized', () => {
  it.each([
    'https://cp.us.na.cloud.im./',
    'https://CP.us.na.cloud.im/',
    'https://cp.us.na.cloud.im:8443/',
    'https://cp.us.na.cloud.im.:443/marketplace/na',
  ])('refuses the control panel however it is spelled: %s', (apiUrl) => {
    expect(problems({ apiUrl }).join()).toMatch(/apiUrl: this is the control-panel address/);
  });

  it.each(['https://evil.com#', 'https://evil.com?', 'https://evil.com/', 'https://api.cloud.im@evil.com/', 'https://api.cloud.im.evil.com/marketplace/na'])(
    'refuses a host that is not Ingram’s: %s',
    (apiUrl) => {
      expect(problems({ apiUrl })).toHaveLength(1);
      expect(problems({ apiUrl })[0]).toMatch(/^apiUrl: /);
    },
  );

  it('accepts Ingram’s hosts with a trailing dot or the default port, and uses the normalized host', () => {
    for (const apiUrl of ['https://api.cloud.im./marketplace/na', 'https://API.cloud.im:443/marketplace/na/', 'https://api-lab.cloud.im/marketplace/dev']) {
      expect(problems({ apiUrl })).toEqual([]);
    }
    expect(resolveEndpoint({ apiUrl: 'https://api.cloud.im./marketplace/na', marketplace: 'us' }).endpoint?.apiUrl).toBe('https://api.cloud.im/marketplace/na');
  });

  it('refuses an explicit non-default port on Ingram’s host', () => {
    expect(problems({ apiUrl: 'https://api.cloud.im:8443/marketplace/na' }).join()).toMatch(/must not name a port/);
  });

  it('allows another https host only with allowCustomApiUrl, and reserved test names (.test) always', () => {
    expect(problems({ apiUrl: 'https://ingram-gateway.example.com/marketplace/na' }).join()).toMatch(/allowCustomApiUrl/);
    expect(problems({ apiUrl: 'https://ingram-gateway.example.com/marketplace/na', allowCustomApiUrl: true })).toEqual([]);
    expect(problems({ apiUrl: 'https://ingram-sandbox.vectis.test/marketplace/na' })).toEqual([]);
    expect(problems({ apiUrl: 'https://127.0.0.1:8443/marketplace/na' })).toEqual([]);
    expect(problems({ apiUrl: 'https://127.0.0.1.evil.com/marketplace/na' }).join()).toMatch(/allowCustomApiUrl/);
  });

  it('accepts a region with a trailing dot', () => {
    expect(problems({ marketplace: undefined, region: 'cp.us.na.cloud.im.' })).toEqual([]);
  });
});

describe('header-unsafe options', () => {
  it.each(['app-1\r\nX-Injected: yes', 'app-1\nX', 'app\u0000'])('refuses a clientId with CR/LF or control characters (%j), without echoing it', (clientId) => {
    const found = problems({ apiUrl: 'https://api.cloud.im/marketplace/na', clientId });
    expect(found).toEqual(['clientId: contains a line break or another character that cannot be sent in an HTTP header; copy it again']);
    expect(found.join()).not.toContain('app-1');
  });
});
