import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { createSHA256HMAC } from '@shopify/shopify-api/runtime';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import twilio from 'twilio';
import { close, listen } from './listen.js';

/** One delivery the server received, with the vendor library's verdict. */
export interface ReceivedDelivery {
  readonly source: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly verified: boolean;
  readonly reason?: string;
}

/** A webhook receiver that checks each delivery with the vendor's own library. */
export interface VendorWebhookServer {
  readonly baseUrl: string;
  readonly received: ReceivedDelivery[];
  /** What `GET /_local/state` answers; `undefined` → 404. */
  state: unknown;
  stop(): Promise<void>;
}

type Verifier = (secret: string, request: { headers: IncomingHttpHeaders; body: string; url: string }) => Promise<void>;

const one = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  if (typeof value !== 'string') throw new Error(`missing ${name}`);
  return value;
};

const stripe = new Stripe('sk_test_hookbridge');

/**
 * The check of each scheme. Where a vendor ships a verifier it is used as is (Stripe
 * `webhooks.constructEvent`, Octokit `verify`, Standard Webhooks `Webhook.verify`, Twilio
 * `validateRequest`, Shopify's own HMAC routine). Slack and the generic scheme have none: they are
 * checked from the vendor's documented formula, written out here independently of our adapters.
 */
const VERIFIERS: Readonly<Record<string, Verifier>> = {
  stripe: async (secret, { headers, body }) => {
    stripe.webhooks.constructEvent(body, one(headers, 'stripe-signature'), secret);
  },
  github: async (secret, { headers, body }) => {
    if (!(await verifyGithub(secret, body, one(headers, 'x-hub-signature-256')))) throw new Error('github signature does not verify');
  },
  standard: async (secret, { headers, body }) => {
    new StandardWebhook(secret).verify(body, {
      'webhook-id': one(headers, 'webhook-id'),
      'webhook-timestamp': one(headers, 'webhook-timestamp'),
      'webhook-signature': one(headers, 'webhook-signature'),
    });
  },
  shopify: async (secret, { headers, body }) => {
    if ((await createSHA256HMAC(secret, body)) !== one(headers, 'x-shopify-hmac-sha256')) throw new Error('shopify hmac does not verify');
  },
  twilio: async (secret, { headers, body, url }) => {
    const signature = one(headers, 'x-twilio-signature');
    const valid = one(headers, 'content-type').startsWith('application/x-www-form-urlencoded')
      ? twilio.validateRequest(secret, signature, url, Object.fromEntries(new URLSearchParams(body)))
      : twilio.validateRequestWithBody(secret, signature, url, body);
    if (!valid) throw new Error('twilio signature does not verify');
  },
  // https://api.slack.com/authentication/verifying-requests-from-slack
  slack: async (secret, { headers, body }) => {
    const timestamp = one(headers, 'x-slack-request-timestamp');
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) throw new Error('slack timestamp too old');
    const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const given = one(headers, 'x-slack-signature');
    if (expected.length !== given.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) throw new Error('slack signature does not verify');
  },
  // The generic scheme with its defaults: hex HMAC-SHA256 of the body in X-Signature.
  generic: async (secret, { headers, body }) => {
    if (createHmac('sha256', secret).update(body).digest('hex') !== one(headers, 'x-signature')) throw new Error('generic signature does not verify');
  },
};

/**
 * Starts a server on 127.0.0.1 answering `POST /webhooks/<source>`: 202 `{"verified":true}` when
 * the vendor library accepts the signature for `sources[source]`, else 401 with the reason.
 * `GET /_local/state` answers `server.state` as JSON (404 while it is undefined).
 */
export async function startVendorWebhookServer(sources: Readonly<Record<string, { scheme: string; secret: string }>>): Promise<VendorWebhookServer> {
  const received: ReceivedDelivery[] = [];
  let baseUrl = '';
  const handle: VendorWebhookServer = {
    get baseUrl() {
      return baseUrl;
    },
    received,
    state: undefined,
    stop: () => close(server),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const path = (request.url ?? '/').split('?')[0]!;
        if (request.method === 'GET' && path === '/_local/state') {
          if (handle.state === undefined) response.writeHead(404).end();
          else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(handle.state));
          return;
        }
        const source = /^\/webhooks\/([a-z0-9-]+)$/.exec(path)?.[1];
        const config = source !== undefined ? sources[source] : undefined;
        if (!source || !config) {
          response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown_source"}');
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        const url = `${baseUrl}${request.url}`;
        try {
          await VERIFIERS[config.scheme]!(config.secret, { headers: request.headers, body, url });
          received.push({ source, url, headers: request.headers, body, verified: true });
          response.writeHead(202, { 'content-type': 'application/json' }).end('{"verified":true}');
        } catch (error) {
          const reason = (error as Error).message;
          received.push({ source, url, headers: request.headers, body, verified: false, reason });
          response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'signature_mismatch', message: reason }));
        }
      })();
    });
  });
  baseUrl = await listen(server);
  return handle;
}
