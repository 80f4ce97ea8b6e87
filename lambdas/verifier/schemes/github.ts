import { createHmac } from 'node:crypto';
import { MalformedPayloadError } from '../errors.js';
import type { Delivery, Payload, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import { decodeDigest, formPayload, header, jsonPayload, mediaType, pickHeaders, requireHeader } from './wire.js';

const SIGNATURE_HEADER = 'X-Hub-Signature-256';
const PREFIX = 'sha256=';

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`.
 *
 * GitHub signs only the body; `X-GitHub-Event` and `X-GitHub-Delivery` are unsigned, and GitHub
 * sends no timestamp, so replays of a captured delivery cannot be detected here — consumers'
 * idempotency on the delivery id is the defence that remains.
 * @see https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
 */
export const githubScheme: Scheme = {
  key: (secret) => Buffer.from(secret, 'utf8'),

  signedContent(request: WebhookRequest): SignedContent {
    const value = requireHeader(request, SIGNATURE_HEADER);
    const hex = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : undefined;
    // An absent prefix is treated like a bad digest: both mean "not this scheme's format".
    const signature = decodeDigest(hex ?? '-', 'hex', 'sha256', SIGNATURE_HEADER);
    return { algorithm: 'sha256', messages: [request.body], signatures: [signature] };
  },

  describe(request: WebhookRequest): Delivery {
    return {
      id: header(request, 'X-GitHub-Delivery'),
      type: header(request, 'X-GitHub-Event') ?? 'webhook',
      payload: githubPayload(request),
      vendorHeaders: pickHeaders(request, [
        'X-GitHub-Hook-ID',
        'X-GitHub-Hook-Installation-Target-Type',
        'X-GitHub-Hook-Installation-Target-ID',
      ]),
    };
  },

  sign(input: SignInput): SignedRequest {
    const digest = createHmac('sha256', githubScheme.key(input.secret)).update(input.body).digest('hex');
    return {
      url: input.url,
      headers: {
        [SIGNATURE_HEADER]: PREFIX + digest,
        'X-GitHub-Delivery': input.id,
        'X-GitHub-Event': input.type ?? 'ping',
        'Content-Type': input.contentType,
      },
    };
  },
};

/**
 * A webhook configured with content type `application/x-www-form-urlencoded` delivers the same
 * JSON in a `payload` field; unwrapping it gives consumers one shape whatever the setting.
 */
function githubPayload(request: WebhookRequest): Payload {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') return jsonPayload(request.body);
  const { payload } = formPayload(request.body).fields;
  if (typeof payload !== 'string') {
    throw new MalformedPayloadError('form delivery must carry exactly one payload field');
  }
  return jsonPayload(payload);
}
