import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { standardScheme } from '../../../../lambdas/verifier/schemes/standard.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

/**
 * The reference library's "sign function works" vector.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/libraries/javascript/src/webhook.test.ts
 */
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const vectorHeaders = { 'webhook-id': vector.id, 'webhook-timestamp': String(vector.timestamp), 'webhook-signature': vector.signature };
const body = JSON.stringify({ type: 'invoice.paid', timestamp: '2026-11-25T20:00:00Z', data: { id: 'inv_1' } });

function libraryHeaders(secret = vector.secret, at = new Date()): Record<string, string> {
  const signature = new StandardWebhook(secret).sign('msg_1', at, body);
  return { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

describe('standard scheme', () => {
  it('verifies the Standard Webhooks reference vector', () => {
    const request = webhookRequest(vector.payload, vectorHeaders);
    expect(check(standardScheme, request, [vector.secret], vector.timestamp).secretIndex).toBe(0);
  });

  it('accepts the secret without its whsec_ prefix', () => {
    const request = webhookRequest(vector.payload, vectorHeaders);
    expect(check(standardScheme, request, [vector.secret.slice(6)], vector.timestamp).secretIndex).toBe(0);
  });

  it('signs the reference vector exactly', () => {
    const signed = standardScheme.sign({ body: Buffer.from(vector.payload), contentType: 'application/json', url: 'https://x', timestamp: vector.timestamp, id: vector.id, secret: vector.secret });
    expect(signed.headers['webhook-signature']).toBe(vector.signature);
  });

  it('verifies a delivery signed by the standardwebhooks library', () => {
    expect(check(standardScheme, webhookRequest(body, libraryHeaders()), [vector.secret]).secretIndex).toBe(0);
  });

  it('signs what the standardwebhooks library verifies', () => {
    const signed = standardScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: Math.floor(Date.now() / 1000), id: 'msg_2', secret: vector.secret });
    expect(new StandardWebhook(vector.secret).verify(body, { ...signed.headers })).toMatchObject({ type: 'invoice.paid' });
  });

  it('verifies a delivery signed by svix under svix-* header names', () => {
    const at = new Date();
    const svix = new SvixWebhook(vector.secret);
    const headers = { 'svix-id': 'msg_svix', 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': svix.sign('msg_svix', at, body) };
    const request = webhookRequest(body, headers);
    expect(check(standardScheme, request, [vector.secret]).secretIndex).toBe(0);
    expect(standardScheme.describe(request)).toMatchObject({ id: 'msg_svix', type: 'invoice.paid' });
  });

  it('accepts a space-separated list where only one entry matches, skipping other versions', () => {
    const headers = libraryHeaders();
    headers['webhook-signature'] = `v1a,${'A'.repeat(86)}== v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${headers['webhook-signature']}`;
    expect(check(standardScheme, webhookRequest(body, headers), [vector.secret]).secretIndex).toBe(0);
  });

  it('reports which secret of the rotation array matched', () => {
    const oldSecret = 'whsec_' + Buffer.from('an-older-secret-value-32-bytes!!').toString('base64');
    const request = webhookRequest(body, libraryHeaders(oldSecret));
    expect(check(standardScheme, request, [vector.secret, oldSecret]).secretIndex).toBe(1);
  });

  it('fails if one byte of the body is tampered with', () => {
    const request = webhookRequest(vector.payload.replace('2432232314', '2432232315'), vectorHeaders);
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp)).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the message id is changed (it is signed)', () => {
    const request = webhookRequest(vector.payload, { ...vectorHeaders, 'webhook-id': 'msg_other' });
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp)).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the timestamp is stale', () => {
    const request = webhookRequest(vector.payload, vectorHeaders);
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp + 301)).toThrow(
      expect.objectContaining({ code: 'timestamp_out_of_window' }),
    );
  });

  it('fails if the timestamp is in the future', () => {
    const request = webhookRequest(vector.payload, vectorHeaders);
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp - 301)).toThrow(
      expect.objectContaining({ code: 'timestamp_out_of_window' }),
    );
  });

  it('fails if the id header is missing', () => {
    const { 'webhook-id': _omitted, ...headers } = vectorHeaders;
    expect(() => check(standardScheme, webhookRequest(vector.payload, headers), [vector.secret], vector.timestamp)).toThrow('missing header webhook-id');
  });

  it('fails if the signature list holds no v1 entry', () => {
    const request = webhookRequest(vector.payload, { ...vectorHeaders, 'webhook-signature': 'v2,abc' });
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp)).toThrow('header webhook-signature holds no v1 signature');
  });

  it('fails if a v1 signature is truncated', () => {
    const request = webhookRequest(vector.payload, { ...vectorHeaders, 'webhook-signature': vector.signature.slice(0, 8) });
    expect(() => check(standardScheme, request, [vector.secret], vector.timestamp)).toThrow(expect.objectContaining({ code: 'signature_malformed' }));
  });

  it('fails to derive a key from a secret that is not base64', () => {
    expect(() => standardScheme.key('whsec_not base64!')).toThrow('secret is not whsec_ base64');
  });
});
