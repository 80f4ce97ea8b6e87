import { createHmac } from 'node:crypto';
import { ErrorCode, SignatureError } from '../errors.js';
import type { Delivery, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import { decodeDigest, header, jsonPayload, parseUnixSeconds, requireHeader, stringField } from './wire.js';

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Standard Webhooks (and Svix, its origin): `webhook-signature: v1,<base64> [v1,<base64> …]`,
 * HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64 bytes after
 * `whsec_`. Svix sends the same headers named `svix-*`; the `webhook-*` set wins when both exist.
 * Entries of other versions (`v1a` asymmetric signatures) are skipped, as the reference library does.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
export const standardScheme: Scheme = {
  key(secret: string): Buffer {
    const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
    // A secret that is not base64 is a configuration error; the caller maps it to secret_unavailable.
    if (!BASE64.test(encoded) || encoded.length % 4 !== 0) throw new Error('secret is not whsec_ base64');
    return Buffer.from(encoded, 'base64');
  },

  signedContent(request: WebhookRequest): SignedContent {
    const names = headerNames(request);
    const id = requireHeader(request, names.id);
    const timestamp = parseUnixSeconds(requireHeader(request, names.timestamp), names.timestamp);
    const signatures = requireHeader(request, names.signature)
      .split(' ')
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => decodeDigest(entry.slice(3), 'base64', 'sha256', names.signature));
    if (signatures.length === 0) {
      throw new SignatureError(ErrorCode.SignatureMalformed, `header ${names.signature} holds no v1 signature`);
    }
    const message = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), request.body]);
    return { algorithm: 'sha256', messages: [message], signatures, timestamp };
  },

  describe(request: WebhookRequest): Delivery {
    const payload = jsonPayload(request.body);
    return {
      id: header(request, headerNames(request).id),
      type: stringField(payload.value, 'type') ?? 'webhook',
      payload,
      vendorHeaders: {},
    };
  },

  sign(input: SignInput): SignedRequest {
    const digest = createHmac('sha256', standardScheme.key(input.secret))
      .update(`${input.id}.${input.timestamp}.`)
      .update(input.body)
      .digest('base64');
    return {
      url: input.url,
      headers: {
        'webhook-id': input.id,
        'webhook-timestamp': String(input.timestamp),
        'webhook-signature': `v1,${digest}`,
        'Content-Type': input.contentType,
      },
    };
  },
};

function headerNames(request: WebhookRequest): { id: string; timestamp: string; signature: string } {
  const prefix = header(request, 'webhook-id') === undefined && header(request, 'svix-id') !== undefined ? 'svix' : 'webhook';
  return { id: `${prefix}-id`, timestamp: `${prefix}-timestamp`, signature: `${prefix}-signature` };
}
