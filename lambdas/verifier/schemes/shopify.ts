import { createHmac } from 'node:crypto';
import type { Delivery, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import { decodeDigest, header, jsonPayload, pickHeaders, requireHeader } from './wire.js';

const SIGNATURE_HEADER = 'X-Shopify-Hmac-Sha256';

/**
 * Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the raw body>`, keyed with the app's
 * client secret. Shopify signs no timestamp, so there is no window to check.
 * @see https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook
 */
export const shopifyScheme: Scheme = {
  key: (secret) => Buffer.from(secret, 'utf8'),

  signedContent(request: WebhookRequest): SignedContent {
    const signature = decodeDigest(requireHeader(request, SIGNATURE_HEADER), 'base64', 'sha256', SIGNATURE_HEADER);
    return { algorithm: 'sha256', messages: [request.body], signatures: [signature] };
  },

  describe(request: WebhookRequest): Delivery {
    return {
      id: header(request, 'X-Shopify-Webhook-Id'),
      type: header(request, 'X-Shopify-Topic') ?? 'webhook',
      payload: jsonPayload(request.body),
      vendorHeaders: pickHeaders(request, [
        'X-Shopify-Shop-Domain',
        'X-Shopify-API-Version',
        'X-Shopify-Topic',
        'X-Shopify-Triggered-At',
        'X-Shopify-Event-Id',
      ]),
    };
  },

  sign(input: SignInput): SignedRequest {
    const digest = createHmac('sha256', shopifyScheme.key(input.secret)).update(input.body).digest('base64');
    return {
      url: input.url,
      headers: {
        [SIGNATURE_HEADER]: digest,
        'X-Shopify-Webhook-Id': input.id,
        'X-Shopify-Topic': input.type ?? 'orders/create',
        'Content-Type': input.contentType,
      },
    };
  },
};
