import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../lambdas/verifier/config.js';

const base = { HOOKBRIDGE_SOURCE: 'github', HOOKBRIDGE_SCHEME: 'github', HOOKBRIDGE_EVENT_BUS_NAME: 'bus', HOOKBRIDGE_SECRET_ID: 'arn:secret' };

describe('readConfig', () => {
  it('applies the documented defaults', () => {
    expect(readConfig(base)).toEqual({
      source: 'github',
      scheme: 'github',
      schemeOptions: {},
      publicUrl: undefined,
      eventSource: 'webhooks.github',
      eventBusName: 'bus',
      secretId: 'arn:secret',
      secretCacheSeconds: 300,
      bodyLimit: 1_048_576,
      toleranceSeconds: 300,
      claimCheckBucket: undefined,
      claimCheckThreshold: undefined,
    });
  });

  it('reads generic scheme options as JSON', () => {
    const config = readConfig({ ...base, HOOKBRIDGE_SCHEME: 'generic', HOOKBRIDGE_SCHEME_OPTIONS: '{"header":"X-Signature","prefix":"sha256="}' });
    expect(config.schemeOptions).toEqual({ header: 'X-Signature', prefix: 'sha256=' });
  });

  it('fails if the scheme is unknown', () => {
    expect(() => readConfig({ ...base, HOOKBRIDGE_SCHEME: 'paypal' })).toThrow(
      'HOOKBRIDGE_SCHEME must be one of github, stripe, slack, shopify, standard, twilio, generic (given "paypal")',
    );
  });

  it('fails if the body limit exceeds what a Lambda invocation can carry', () => {
    expect(() => readConfig({ ...base, HOOKBRIDGE_BODY_LIMIT: '6000000' })).toThrow(
      'HOOKBRIDGE_BODY_LIMIT must be an integer between 1 and 4194304 (given "6000000")',
    );
  });

  it('fails if the tolerance is not an integer', () => {
    expect(() => readConfig({ ...base, HOOKBRIDGE_TOLERANCE_SECONDS: '5m' })).toThrow('HOOKBRIDGE_TOLERANCE_SECONDS must be an integer between 1 and 86400 (given "5m")');
  });

  it('fails if the scheme options are not a JSON object', () => {
    expect(() => readConfig({ ...base, HOOKBRIDGE_SCHEME_OPTIONS: '[1]' })).toThrow('HOOKBRIDGE_SCHEME_OPTIONS must be a JSON object (given "[1]")');
  });

  it('fails if the public URL is not absolute', () => {
    expect(() => readConfig({ ...base, HOOKBRIDGE_PUBLIC_URL: '/webhooks/twilio' })).toThrow('HOOKBRIDGE_PUBLIC_URL must be an absolute http(s) URL');
  });

  it('reports every violation at once', () => {
    expect(() => readConfig({ HOOKBRIDGE_SCHEME: 'github' })).toThrow(
      'invalid verifier configuration: HOOKBRIDGE_SOURCE is required; HOOKBRIDGE_EVENT_BUS_NAME is required; HOOKBRIDGE_SECRET_ID is required',
    );
  });
});
