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
    // Space-separated `version,signature` entries, read in place; only `v1` ones count.
    const list = requireHeader(request, names.signature);
    const signatures: Buffer[] = [];
    for (let start = 0; start < list.length; ) {
      let end = list.indexOf(' ', start);
      if (end < 0) end = list.length;
      if (list.startsWith('v1,', start)) signatures.push(decodeDigest(list.slice(start + 3, end), 'base64', 'sha256', names.signature));
      start = end + 1;
    }
    if (signatures.length === 0) {
      throw new SignatureError(ErrorCode.SignatureMalformed, `header ${names.signature} holds no v1 signature`);
    }
    return { algorithm: 'sha256', messages: [[`${id}.${timestamp}.`, request.body]], signatures, timestamp };
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

/** The three headers of one naming. */
interface HeaderNames {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
}

const WEBHOOK_HEADERS: HeaderNames = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' };
const SVIX_HEADERS: HeaderNames = { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' };

function headerNames(request: WebhookRequest): HeaderNames {
  return header(request, 'webhook-id') === undefined && header(request, 'svix-id') !== undefined ? SVIX_HEADERS : WEBHOOK_HEADERS;
}
