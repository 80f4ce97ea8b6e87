import { sign as octokitSign } from '@octokit/webhooks-methods';
import { createHash, createHmac } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import twilio from 'twilio';
import type { SchemeName } from '../../../lambdas/verifier/schemes/index.js';

/** What to sign: the exact body bytes and everything a vendor puts next to them. */
export interface SignSpec {
  readonly scheme: SchemeName;
  readonly body: Buffer;
  readonly contentType: string;
  /** The public URL the request goes to (Twilio signs it). */
  readonly url: string;
  readonly timestamp: number;
  readonly id: string;
  readonly type: string;
  readonly secret: string;
  /** Standard Webhooks only: send the `svix-*` header names instead of `webhook-*`. */
  readonly svixHeaders?: boolean;
  /** Generic only: the configured header, algorithm, encoding and prefix. */
  readonly generic?: { readonly header: string; readonly algorithm: 'sha1' | 'sha256' | 'sha512'; readonly encoding: 'hex' | 'base64'; readonly prefix: string };
}

/** A signed request: headers (original case, as a vendor sends them) and the URL to call. */
export interface Signed {
  readonly headers: Record<string, string>;
  readonly url: string;
}

const stripe = new Stripe('sk_test_fuzz_not_used');
const FORM = 'application/x-www-form-urlencoded';

/**
 * The body as a string when vendor libraries can sign it: valid UTF-8 (they take strings) and not
 * empty (@octokit/webhooks-methods refuses an empty payload); else `undefined`.
 */
function utf8Text(body: Buffer): string | undefined {
  const text = body.toString('utf8');
  return text !== '' && Buffer.from(text, 'utf8').equals(body) ? text : undefined;
}

/**
 * Signs with the vendor's own library where one exists and takes the bytes as given
 * (@octokit/webhooks-methods, stripe, standardwebhooks, twilio) — independent of the adapters
 * under test. The libraries take the body as a string, so a body that is not valid UTF-8 (which
 * no vendor library can express) is signed with node:crypto, as the vendor's servers would sign
 * those bytes. Slack, Shopify and the generic scheme ship no standalone signer: node:crypto.
 */
export async function vendorSign(spec: SignSpec): Promise<Signed> {
  const text = utf8Text(spec.body);
  const hmac = (algorithm: string, key: Buffer | string, ...parts: (string | Buffer)[]): Buffer => {
    const mac = createHmac(algorithm, key);
    for (const part of parts) mac.update(part);
    return mac.digest();
  };
  switch (spec.scheme) {
    case 'github': {
      const signature = text !== undefined ? await octokitSign(spec.secret, text) : `sha256=${hmac('sha256', spec.secret, spec.body).toString('hex')}`;
      return {
        url: spec.url,
        headers: { 'Content-Type': spec.contentType, 'X-Hub-Signature-256': signature, 'X-GitHub-Delivery': spec.id, 'X-GitHub-Event': spec.type },
      };
    }
    case 'stripe': {
      const header =
        text !== undefined
          ? stripe.webhooks.generateTestHeaderString({ payload: text, secret: spec.secret, timestamp: spec.timestamp })
          : `t=${spec.timestamp},v1=${hmac('sha256', spec.secret, `${spec.timestamp}.`, spec.body).toString('hex')}`;
      return { url: spec.url, headers: { 'Content-Type': spec.contentType, 'Stripe-Signature': header } };
    }
    case 'slack':
      return {
        url: spec.url,
        headers: {
          'Content-Type': spec.contentType,
          'X-Slack-Request-Timestamp': String(spec.timestamp),
          'X-Slack-Signature': `v0=${hmac('sha256', spec.secret, `v0:${spec.timestamp}:`, spec.body).toString('hex')}`,
        },
      };
    case 'shopify':
      return {
        url: spec.url,
        headers: {
          'Content-Type': spec.contentType,
          'X-Shopify-Hmac-Sha256': hmac('sha256', spec.secret, spec.body).toString('base64'),
          'X-Shopify-Webhook-Id': spec.id,
          'X-Shopify-Topic': spec.type,
        },
      };
    case 'standard': {
      const time = new Date(spec.timestamp * 1000);
      const key = Buffer.from(spec.secret.replace(/^whsec_/, ''), 'base64');
      const signature =
        text !== undefined
          ? new StandardWebhook(spec.secret).sign(spec.id, time, text)
          : `v1,${hmac('sha256', key, `${spec.id}.${spec.timestamp}.`, spec.body).toString('base64')}`;
      const prefix = spec.svixHeaders ? 'svix' : 'webhook';
      return {
        url: spec.url,
        headers: { 'Content-Type': spec.contentType, [`${prefix}-id`]: spec.id, [`${prefix}-timestamp`]: String(spec.timestamp), [`${prefix}-signature`]: signature },
      };
    }
    case 'twilio': {
      const form = spec.contentType.split(';')[0]!.trim().toLowerCase() === FORM;
      const url = form ? spec.url : `${spec.url}${spec.url.includes('?') ? '&' : '?'}bodySHA256=${createHash('sha256').update(spec.body).digest('hex')}`;
      const params: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
      if (form) {
        for (const [name, value] of new URLSearchParams(spec.body.toString('utf8'))) {
          const existing = params[name];
          params[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
        }
      }
      const signature = twilio.getExpectedTwilioSignature(spec.secret, url, params);
      return { url, headers: { 'Content-Type': spec.contentType, 'X-Twilio-Signature': signature, 'I-Twilio-Idempotency-Token': spec.id } };
    }
    case 'generic': {
      const options = spec.generic ?? { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: '' };
      const digest = hmac(options.algorithm, spec.secret, spec.body).toString(options.encoding);
      return { url: spec.url, headers: { 'Content-Type': spec.contentType, [options.header]: options.prefix + digest, 'X-Event-Type': spec.type } };
    }
  }
}
