import { sign as octokitSign } from '@octokit/webhooks-methods';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import twilio from 'twilio';
import { shopifyScheme } from '../../../lambdas/verifier/schemes/shopify.js';
import { slackScheme } from '../../../lambdas/verifier/schemes/slack.js';
import { PARTNER_SIGNATURE_HEADER } from '../../e2e/fixture-app/constants.js';

/** Signature schemes of the fixture's sources; `partner` is the generic scheme with sha512/base64. */
export type FixtureScheme = 'github' | 'stripe' | 'slack' | 'shopify' | 'standard' | 'twilio' | 'generic' | 'partner';

/** A signed webhook, ready to POST. */
export interface SignedWebhook {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The envelope id the verifier derives (the audit row is `webhooks.<source>#<id>`). */
  readonly id: string;
  /** The event type (= detail-type). */
  readonly type: string;
}

/** What to sign. */
export interface WebhookSpec {
  readonly scheme: FixtureScheme;
  /** The source's webhook URL (from the outputs). */
  readonly url: string;
  /** EventBridge source of the route, e.g. `webhooks.generic` (the generic id is derived from it). */
  readonly eventSource: string;
  readonly secret: string;
  /** Vendor delivery id; generated when absent (generic schemes: the body gets a nonce instead). */
  readonly id?: string;
  /** Event type; a plausible one per scheme when absent. */
  readonly type?: string;
  /** JSON payload (not for twilio, which sends a form). */
  readonly payload?: Record<string, unknown>;
  /** Unix seconds to sign. @default now */
  readonly timestamp?: number;
}

const stripe = new Stripe('sk_test_e2e_not_used');
const JSON_TYPE = 'application/json';

/**
 * Signs a webhook the way the vendor does, with the vendor's own library where one exists
 * (@octokit/webhooks-methods, stripe, standardwebhooks, twilio); Slack and Shopify ship no
 * standalone signer, so their scheme adapters' `sign` is used; the generic schemes are a plain
 * HMAC with node:crypto, as an in-house sender would compute it.
 */
export async function signWebhook(spec: WebhookSpec): Promise<SignedWebhook> {
  const timestamp = spec.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = randomUUID();
  switch (spec.scheme) {
    case 'github': {
      const id = spec.id ?? nonce;
      const type = spec.type ?? 'push';
      const body = JSON.stringify(spec.payload ?? { ref: 'refs/heads/main', after: nonce, repository: { full_name: 'acme/app' } });
      return {
        url: spec.url,
        body,
        id,
        type,
        headers: {
          'content-type': JSON_TYPE,
          'x-github-delivery': id,
          'x-github-event': type,
          'x-hub-signature-256': await octokitSign(spec.secret, body),
        },
      };
    }
    case 'stripe': {
      const id = spec.id ?? `evt_${nonce.replaceAll('-', '')}`;
      const type = spec.type ?? 'payment_intent.succeeded';
      const body = JSON.stringify({ id, object: 'event', type, created: timestamp, data: { object: spec.payload ?? { id: `pi_${nonce}` } } });
      const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: spec.secret, timestamp });
      return { url: spec.url, body, id, type, headers: { 'content-type': JSON_TYPE, 'stripe-signature': header } };
    }
    case 'slack': {
      const id = spec.id ?? `Ev${nonce.replaceAll('-', '').slice(0, 12).toUpperCase()}`;
      const type = spec.type ?? 'app_mention';
      const body = JSON.stringify({ type: 'event_callback', event_id: id, event_time: timestamp, event: { type, text: 'hi', ...(spec.payload ?? {}) } });
      const signed = slackScheme.sign({ body: Buffer.from(body), contentType: JSON_TYPE, url: spec.url, timestamp, id, secret: spec.secret });
      return { url: signed.url, body, id, type, headers: lower(signed.headers) };
    }
    case 'shopify': {
      const id = spec.id ?? nonce;
      const type = spec.type ?? 'orders/create';
      const body = JSON.stringify(spec.payload ?? { id: Date.now(), total_price: '10.00', currency: 'EUR', line_items: [] });
      const signed = shopifyScheme.sign({ body: Buffer.from(body), contentType: JSON_TYPE, url: spec.url, timestamp, id, type, secret: spec.secret });
      return { url: signed.url, body, id, type, headers: { ...lower(signed.headers), 'x-shopify-shop-domain': 'e2e.myshopify.com' } };
    }
    case 'standard': {
      const id = spec.id ?? `msg_${nonce}`;
      const type = spec.type ?? 'invoice.paid';
      const body = JSON.stringify({ type, timestamp: new Date(timestamp * 1000).toISOString(), data: spec.payload ?? { id: nonce } });
      const signature = new StandardWebhook(spec.secret).sign(id, new Date(timestamp * 1000), body);
      return {
        url: spec.url,
        body,
        id,
        type,
        headers: { 'content-type': JSON_TYPE, 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
      };
    }
    case 'twilio': {
      const id = spec.id ?? `idem-${nonce}`;
      const type = spec.type ?? 'delivered';
      const params = { MessageSid: `SM${nonce.replaceAll('-', '')}`, MessageStatus: type, To: '+15005550006' };
      const body = new URLSearchParams(params).toString();
      const signature = twilio.getExpectedTwilioSignature(spec.secret, spec.url, params);
      return {
        url: spec.url,
        body,
        id,
        type,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'i-twilio-idempotency-token': id },
      };
    }
    case 'generic':
    case 'partner': {
      const type = spec.type ?? 'thing.happened';
      const body = JSON.stringify(spec.payload ?? { nonce });
      const partner = spec.scheme === 'partner';
      const digest = createHmac(partner ? 'sha512' : 'sha256', spec.secret).update(body).digest(partner ? 'base64' : 'hex');
      const id = createHash('sha256').update(spec.eventSource + body).digest('hex');
      return {
        url: spec.url,
        body,
        id,
        type,
        headers: {
          'content-type': JSON_TYPE,
          'x-event-type': type,
          ...(partner ? { [PARTNER_SIGNATURE_HEADER.toLowerCase()]: digest } : { 'x-signature': `sha256=${digest}` }),
        },
      };
    }
  }
}

function lower(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
