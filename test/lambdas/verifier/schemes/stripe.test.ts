import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { stripeScheme } from '../../../../lambdas/verifier/schemes/stripe.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

const stripe = new Stripe('sk_test_not_used');
const secret = 'whsec_test_secret';
const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
const now = 1_764_100_000;

function header(timestamp = now, signingSecret = secret): string {
  return stripe.webhooks.generateTestHeaderString({ payload: body, secret: signingSecret, timestamp });
}

describe('stripe scheme', () => {
  it('verifies a header made by stripe.webhooks.generateTestHeaderString', () => {
    expect(check(stripeScheme, webhookRequest(body, { 'Stripe-Signature': header() }), [secret], now).secretIndex).toBe(0);
  });

  it('signs what stripe.webhooks.constructEvent accepts', () => {
    const signed = stripeScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: Math.floor(Date.now() / 1000), id: '', secret });
    const event = stripe.webhooks.constructEvent(body, signed.headers['Stripe-Signature']!, secret);
    expect(event.id).toBe('evt_1');
  });

  it('accepts any of several v1 signatures (endpoint secret roll)', () => {
    const withOld = `${header(now, 'whsec_old')},v1=${header().split('v1=')[1]}`;
    expect(check(stripeScheme, webhookRequest(body, { 'stripe-signature': withOld }), [secret], now).secretIndex).toBe(0);
  });

  it('reports which secret of the rotation array matched', () => {
    const request = webhookRequest(body, { 'stripe-signature': header(now, 'whsec_old') });
    expect(check(stripeScheme, request, [secret, 'whsec_old'], now).secretIndex).toBe(1);
  });

  it('ignores v0 entries', () => {
    const request = webhookRequest(body, { 'stripe-signature': `${header()},v0=${'0'.repeat(64)}` });
    expect(check(stripeScheme, request, [secret], now).secretIndex).toBe(0);
  });

  it('describes the event by its id and type', () => {
    expect(stripeScheme.describe(webhookRequest(body, {}))).toMatchObject({ id: 'evt_1', type: 'payment_intent.succeeded' });
  });

  it('fails if the event has no id', () => {
    expect(() => stripeScheme.describe(webhookRequest('{"type":"x"}', {}))).toThrow('Stripe event must have string id and type');
  });

  it('fails if the body is not JSON', () => {
    expect(() => stripeScheme.describe(webhookRequest('id=evt_1', {}))).toThrow(expect.objectContaining({ code: 'malformed_payload' }));
  });

  it('fails if one byte of the body is tampered with', () => {
    const request = webhookRequest(body.replace('pi_1', 'pi_2'), { 'Stripe-Signature': header() });
    expect(() => check(stripeScheme, request, [secret], now)).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the secret is wrong', () => {
    const request = webhookRequest(body, { 'Stripe-Signature': header() });
    expect(() => check(stripeScheme, request, ['whsec_other'], now)).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the timestamp is stale', () => {
    const request = webhookRequest(body, { 'Stripe-Signature': header(now - 301) });
    expect(() => check(stripeScheme, request, [secret], now)).toThrow(expect.objectContaining({ code: 'timestamp_out_of_window' }));
  });

  it('fails if the timestamp is in the future', () => {
    const request = webhookRequest(body, { 'Stripe-Signature': header(now + 301) });
    expect(() => check(stripeScheme, request, [secret], now)).toThrow(expect.objectContaining({ code: 'timestamp_out_of_window' }));
  });

  it('fails if the header is missing', () => {
    expect(() => check(stripeScheme, webhookRequest(body, {}), [secret], now)).toThrow('missing header Stripe-Signature');
  });

  it('fails if the header has no timestamp', () => {
    const request = webhookRequest(body, { 'Stripe-Signature': header().replace(/^t=\d+,/, '') });
    expect(() => check(stripeScheme, request, [secret], now)).toThrow('header Stripe-Signature needs t= and at least one v1=');
  });

  it('fails if the timestamp is not a number', () => {
    const request = webhookRequest(body, { 'Stripe-Signature': header().replace(/^t=\d+/, 't=yesterday') });
    expect(() => check(stripeScheme, request, [secret], now)).toThrow('header Stripe-Signature does not hold a Unix timestamp');
  });
});
