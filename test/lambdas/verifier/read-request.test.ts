import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../lambdas/verifier/config.js';
import { readRequest, type VerifierContext } from '../../../lambdas/verifier/read-request.js';
import { githubScheme } from '../../../lambdas/verifier/schemes/github.js';
import { verify } from '../../../lambdas/verifier/verify.js';
import { apiEvent } from '../../helpers/verifier/api-event.js';

const context: VerifierContext = {
  config: readConfig({ HOOKBRIDGE_SOURCE: 'test', HOOKBRIDGE_SCHEME: 'github', HOOKBRIDGE_EVENT_BUS_NAME: 'bus', HOOKBRIDGE_SECRET_ID: 'id', HOOKBRIDGE_BODY_LIMIT: '64' }),
  scheme: githubScheme,
};
const signed = (body: string | Buffer) =>
  githubScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: 0, id: 'd-1', secret: 's' }).headers;

describe('readRequest', () => {
  it('keeps a text body as the event string, without copying it', () => {
    const event = apiEvent({ body: '{"a":"é"}', headers: signed('{"a":"é"}') });
    const read = readRequest(event, context);
    expect(read.request.body).toBe(event.body);
    expect(read.bodyBytes).toBe(Buffer.byteLength('{"a":"é"}'));
  });

  it('decodes a base64 body to its bytes', () => {
    const bytes = Buffer.from([0xff, 0x00, 0x7b]);
    const read = readRequest(apiEvent({ body: bytes, base64: true, headers: signed(bytes) }), context);
    expect(Buffer.isBuffer(read.request.body) && read.request.body.equals(bytes)).toBe(true);
    expect(read.bodyBytes).toBe(3);
  });

  it('verifies a text body holding a lone surrogate exactly as its UTF-8 bytes (U+FFFD)', () => {
    // GIVEN an event string no UTF-8 decoder produces, signed over what Buffer.from makes of it
    const body = '{"a":"\ud800"}';
    const event = { ...apiEvent({ headers: signed(body) }), body };
    // WHEN
    const read = readRequest(event, context);
    // THEN the body is made well formed and the signature over Buffer.from(body) holds
    expect(read.request.body).toBe('{"a":"\ufffd"}');
    expect(read.bodyBytes).toBe(Buffer.byteLength(body));
    expect(verify({ content: read.content, keys: [Buffer.from('s')], nowSeconds: 0, toleranceSeconds: 300 }).secretIndex).toBe(0);
  });

  it('uses HTTP API headers as they are, and lower-cases the names of other callers', () => {
    const event = apiEvent({ body: '{}', headers: signed('{}') });
    expect(readRequest(event, context).request.headers).toBe(event.headers);
    const mixed = { ...event, headers: { 'X-Hub-Signature-256': event.headers['x-hub-signature-256'], 'X-Absent': undefined } };
    const read = readRequest(mixed, context);
    expect(read.request.headers).toEqual({ 'x-hub-signature-256': event.headers['x-hub-signature-256'] });
  });

  it('signs and verifies the same bytes whether the body came as text or base64', () => {
    const body = '{"text":"ünïcode ✓ 😀"}';
    const key = Buffer.from('s');
    const expected = createHmac('sha256', key).update(Buffer.from(body)).digest('hex');
    for (const base64 of [false, true]) {
      const read = readRequest(apiEvent({ body, base64, headers: signed(body) }), context);
      expect(read.content.signatures[0]!.toString('hex')).toBe(expected);
      expect(verify({ content: read.content, keys: [key], nowSeconds: 0, toleranceSeconds: 300 }).secretIndex).toBe(0);
    }
  });

  it('fails if the method is not POST, before looking at the body', () => {
    expect(() => readRequest(apiEvent({ method: 'GET', body: 'x'.repeat(100) }), context)).toThrow(
      expect.objectContaining({ code: 'method_not_allowed' }),
    );
  });

  it('fails if the decoded body is over the limit, before looking at the signature', () => {
    expect(() => readRequest(apiEvent({ body: 'é'.repeat(33) }), context)).toThrow(
      expect.objectContaining({ code: 'payload_too_large', message: 'body is 66 bytes; the limit is 64' }),
    );
  });

  it('fails if the signature header is missing', () => {
    expect(() => readRequest(apiEvent({ body: '{}' }), context)).toThrow(expect.objectContaining({ code: 'signature_missing' }));
  });
});
