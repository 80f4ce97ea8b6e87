import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { twilioScheme } from '../../../../lambdas/verifier/schemes/twilio.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

/**
 * The worked example of Twilio's security documentation.
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 */
const docs = {
  token: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};
const FORM = 'application/x-www-form-urlencoded';
const formBody = new URLSearchParams(docs.params).toString();
const docsHeaders = { 'X-Twilio-Signature': docs.signature, 'Content-Type': FORM, 'I-Twilio-Idempotency-Token': 'idem-1' };

const token = 'twilio-auth-token';
const publicUrl = 'https://hooks.example.com/webhooks/twilio';
const statusBody = new URLSearchParams({ MessageSid: 'SM1', MessageStatus: 'delivered', To: '+15551230000' }).toString();

describe('twilio scheme', () => {
  it("verifies Twilio's documented example", () => {
    const request = webhookRequest(formBody, docsHeaders, docs.url);
    expect(check(twilioScheme, request, [docs.token]).secretIndex).toBe(0);
  });

  it("verifies a signature made by twilio's getExpectedTwilioSignature", () => {
    const signature = twilio.getExpectedTwilioSignature(token, publicUrl, Object.fromEntries(new URLSearchParams(statusBody)));
    const request = webhookRequest(statusBody, { 'x-twilio-signature': signature, 'content-type': FORM }, publicUrl);
    expect(check(twilioScheme, request, [token]).secretIndex).toBe(0);
  });

  it("signs what twilio's validateRequest accepts", () => {
    const signed = twilioScheme.sign({ body: Buffer.from(statusBody), contentType: FORM, url: publicUrl, timestamp: 0, id: 'i', secret: token });
    const params = Object.fromEntries(new URLSearchParams(statusBody));
    expect(twilio.validateRequest(token, signed.headers['X-Twilio-Signature']!, signed.url, params)).toBe(true);
  });

  it("signs a JSON body with bodySHA256 as twilio's validateRequestWithBody expects", () => {
    const json = '{"type":"com.twilio.messaging.message.delivered","data":{"sid":"SM1"}}';
    const signed = twilioScheme.sign({ body: Buffer.from(json), contentType: 'application/json', url: publicUrl, timestamp: 0, id: 'i', secret: token });
    expect(signed.url).toMatch(/\?bodySHA256=[0-9a-f]{64}$/);
    expect(twilio.validateRequestWithBody(token, signed.headers['X-Twilio-Signature']!, signed.url, json)).toBe(true);
    // and the verifier accepts it too
    const request = webhookRequest(json, { ...signed.headers }, signed.url);
    expect(check(twilioScheme, request, [token]).secretIndex).toBe(0);
    expect(twilioScheme.describe(request)).toMatchObject({ type: 'com.twilio.messaging.message.delivered', id: 'i' });
  });

  it('accepts a signature made over the URL with its default port', () => {
    const signature = twilio.getExpectedTwilioSignature(token, 'https://hooks.example.com:443/webhooks/twilio', Object.fromEntries(new URLSearchParams(statusBody)));
    const request = webhookRequest(statusBody, { 'x-twilio-signature': signature, 'content-type': FORM }, publicUrl);
    expect(check(twilioScheme, request, [token]).secretIndex).toBe(0);
  });

  it('signs repeated parameters with each distinct value, sorted', () => {
    const body = 'To=%2B1&MediaUrl=b&MediaUrl=a&MediaUrl=b';
    const signature = twilio.getExpectedTwilioSignature(token, publicUrl, { To: '+1', MediaUrl: ['b', 'a', 'b'] });
    const request = webhookRequest(body, { 'x-twilio-signature': signature, 'content-type': FORM }, publicUrl);
    expect(check(twilioScheme, request, [token]).secretIndex).toBe(0);
  });

  it('describes a status callback by its status and answers empty TwiML', () => {
    const delivery = twilioScheme.describe(webhookRequest(formBody.replace('Digits=1234', 'MessageStatus=delivered'), docsHeaders));
    expect(delivery).toMatchObject({ id: 'idem-1', type: 'delivered', success: { statusCode: 200, contentType: 'text/xml' } });
    expect(delivery.success?.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('uses "webhook" when Twilio sends no event kind', () => {
    expect(twilioScheme.describe(webhookRequest(formBody, docsHeaders)).type).toBe('webhook');
  });

  it('fails if a form parameter is tampered with', () => {
    const request = webhookRequest(formBody.replace('Digits=1234', 'Digits=9999'), docsHeaders, docs.url);
    expect(() => check(twilioScheme, request, [docs.token])).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the public URL differs from the one Twilio signed', () => {
    const request = webhookRequest(formBody, docsHeaders, 'https://mycompany.com/myapp.php?foo=1&bar=3');
    expect(() => check(twilioScheme, request, [docs.token])).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if a JSON body does not match bodySHA256', () => {
    const signed = twilioScheme.sign({ body: Buffer.from('{"a":1}'), contentType: 'application/json', url: publicUrl, timestamp: 0, id: 'i', secret: token });
    const request = webhookRequest('{"a":2}', { ...signed.headers }, signed.url);
    expect(() => check(twilioScheme, request, [token])).toThrow('body does not match bodySHA256');
  });

  it('fails if a captured JSON delivery is replayed as an empty form (bodySHA256 binds the body)', () => {
    // GIVEN a JSON delivery Twilio signed through its URL's bodySHA256
    const signed = twilioScheme.sign({ body: Buffer.from('{"a":1}'), contentType: 'application/json', url: publicUrl, timestamp: 0, id: 'i', secret: token });
    // WHEN the same URL and signature come back with a form content type and an empty body
    const request = webhookRequest('', { ...signed.headers, 'Content-Type': FORM }, signed.url);
    // THEN the body no longer matches the signed hash
    expect(() => check(twilioScheme, request, [token])).toThrow('body does not match bodySHA256');
  });

  it('fails if a JSON body arrives without bodySHA256', () => {
    const request = webhookRequest('{"a":1}', { 'x-twilio-signature': docs.signature, 'content-type': 'application/json' }, publicUrl);
    expect(() => check(twilioScheme, request, [token])).toThrow('non-form body without bodySHA256 in the URL');
  });

  it('fails if the signature is hex (wrong encoding)', () => {
    const hex = Buffer.from(docs.signature, 'base64').toString('hex');
    const request = webhookRequest(formBody, { ...docsHeaders, 'X-Twilio-Signature': hex }, docs.url);
    expect(() => check(twilioScheme, request, [docs.token])).toThrow('header X-Twilio-Signature does not hold a base64 sha1 signature');
  });
});
