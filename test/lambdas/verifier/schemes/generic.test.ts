import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createGenericScheme } from '../../../../lambdas/verifier/schemes/generic.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

const secret = 'in-house-secret';
const body = '{"orderId":42}';
const hex256 = createHmac('sha256', secret).update(body).digest('hex');
const appDefault = createGenericScheme({ header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', prefixRequired: false });

describe('generic scheme', () => {
  it('accepts the configured prefix', () => {
    expect(check(appDefault, webhookRequest(body, { 'X-Signature': `sha256=${hex256}` }), [secret]).secretIndex).toBe(0);
  });

  it('accepts a missing prefix when it is not required', () => {
    expect(check(appDefault, webhookRequest(body, { 'x-signature': hex256 }), [secret]).secretIndex).toBe(0);
  });

  it('fails if the prefix is required and missing', () => {
    const strict = createGenericScheme({ prefix: 'sha256=', prefixRequired: true });
    expect(() => check(strict, webhookRequest(body, { 'X-Signature': hex256 }), [secret])).toThrow('header X-Signature must start with sha256=');
  });

  it('supports a custom header, sha512 and base64', () => {
    const scheme = createGenericScheme({ header: 'X-Acme-Sig', algorithm: 'sha512', encoding: 'base64' });
    const signature = createHmac('sha512', secret).update(body).digest('base64');
    expect(check(scheme, webhookRequest(body, { 'x-acme-sig': signature }), [secret]).secretIndex).toBe(0);
  });

  it('supports sha1', () => {
    const scheme = createGenericScheme({ algorithm: 'sha1' });
    const signature = createHmac('sha1', secret).update(body).digest('hex');
    expect(check(scheme, webhookRequest(body, { 'X-Signature': signature }), [secret]).secretIndex).toBe(0);
  });

  it('round-trips its own signer', () => {
    const signed = appDefault.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: 0, id: '', secret, type: 'order.created' });
    expect(signed.headers).toMatchObject({ 'X-Signature': `sha256=${hex256}`, 'X-Event-Type': 'order.created' });
    expect(check(appDefault, webhookRequest(body, { ...signed.headers }), [secret]).secretIndex).toBe(0);
  });

  it('fails if the signature was made with another algorithm', () => {
    const sha1 = createHmac('sha1', secret).update(body).digest('hex');
    expect(() => check(appDefault, webhookRequest(body, { 'X-Signature': sha1 }), [secret])).toThrow(
      'header X-Signature does not hold a hex sha256 signature',
    );
  });

  it('fails if one byte is tampered with', () => {
    expect(() => check(appDefault, webhookRequest('{"orderId":43}', { 'X-Signature': hex256 }), [secret])).toThrow(
      expect.objectContaining({ code: 'signature_mismatch' }),
    );
  });

  it('takes the type from X-Event-Type and carries JSON, form and other bodies', () => {
    expect(appDefault.describe(webhookRequest(body, { 'content-type': 'application/json', 'x-event-type': 'order.created' }))).toMatchObject({
      type: 'order.created',
      payload: { kind: 'json', value: { orderId: 42 } },
    });
    expect(appDefault.describe(webhookRequest('a=1', { 'content-type': 'application/x-www-form-urlencoded' })).payload).toMatchObject({ kind: 'form', fields: { a: '1' } });
    expect(appDefault.describe(webhookRequest('<x/>', { 'content-type': 'text/xml' }))).toMatchObject({ type: 'webhook', payload: { kind: 'binary', contentType: 'text/xml' } });
  });

  it('fails if a JSON content type carries something else', () => {
    expect(() => appDefault.describe(webhookRequest('nope', { 'content-type': 'application/json' }))).toThrow('body is not valid JSON');
  });

  it.each([
    [{ algorithm: 'md5' }, 'generic algorithm must be one of sha1, sha256, sha512 (given "md5")'],
    [{ encoding: 'base32' }, 'generic encoding must be one of hex, base64 (given "base32")'],
    [{ header: 'X Sig' }, 'generic header must be a header name (given "X Sig")'],
    [{ prefixRequired: true }, 'generic prefixRequired needs a non-empty prefix'],
  ])('fails if options are invalid: %j', (options, message) => {
    expect(() => createGenericScheme(options as never)).toThrow(message);
  });
});
