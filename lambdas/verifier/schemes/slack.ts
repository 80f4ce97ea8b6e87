import { createHmac } from 'node:crypto';
import { MalformedPayloadError } from '../errors.js';
import type { Delivery, HttpAnswer, Payload, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import {
  decodeDigest,
  formPayload,
  jsonPayload,
  mediaType,
  parseUnixSeconds,
  pickHeaders,
  requireHeader,
  stringField,
} from './wire.js';

const SIGNATURE_HEADER = 'X-Slack-Signature';
const TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';
const PREFIX = 'v0=';

/**
 * Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}">` with the timestamp
 * in `X-Slack-Request-Timestamp`. Events API deliveries are JSON; slash commands are form fields;
 * interactivity posts its JSON in a `payload` form field, which is unwrapped.
 * @see https://api.slack.com/authentication/verifying-requests-from-slack
 */
export const slackScheme: Scheme = {
  key: (secret) => Buffer.from(secret, 'utf8'),

  signedContent(request: WebhookRequest): SignedContent {
    const value = requireHeader(request, SIGNATURE_HEADER);
    const timestamp = parseUnixSeconds(requireHeader(request, TIMESTAMP_HEADER), TIMESTAMP_HEADER);
    const hex = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : '-';
    const signature = decodeDigest(hex, 'hex', 'sha256', SIGNATURE_HEADER);
    return { algorithm: 'sha256', messages: [[`v0:${timestamp}:`, request.body]], signatures: [signature], timestamp };
  },

  describe(request: WebhookRequest): Delivery {
    const payload = slackPayload(request);
    const vendorHeaders = pickHeaders(request, ['X-Slack-Retry-Num', 'X-Slack-Retry-Reason']);
    if (payload.kind === 'form') {
      // Slash commands carry no event id; the envelope falls back to a body hash.
      return { type: 'slash_command', payload, vendorHeaders };
    }
    const body = payload.value;
    const outerType = stringField(body, 'type');
    if (!outerType) throw new MalformedPayloadError('Slack payload must have a string type');
    const event = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).event : undefined;
    const type = outerType === 'event_callback' ? (stringField(event, 'type') ?? outerType) : outerType;
    return {
      id: stringField(body, 'event_id'),
      type,
      payload,
      vendorHeaders,
      handshake: outerType === 'url_verification' ? challengeAnswer(body) : undefined,
    };
  },

  sign(input: SignInput): SignedRequest {
    const digest = createHmac('sha256', slackScheme.key(input.secret))
      .update(`v0:${input.timestamp}:`)
      .update(input.body)
      .digest('hex');
    return {
      url: input.url,
      headers: {
        [SIGNATURE_HEADER]: PREFIX + digest,
        [TIMESTAMP_HEADER]: String(input.timestamp),
        'Content-Type': input.contentType,
      },
    };
  },
};

function slackPayload(request: WebhookRequest): (Payload & { kind: 'json' }) | (Payload & { kind: 'form' }) {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') return jsonPayload(request.body);
  const form = formPayload(request.body);
  const { payload } = form.fields;
  return typeof payload === 'string' ? jsonPayload(payload) : form;
}

/** Slack's URL verification handshake: echo the challenge, only ever after the signature held. */
function challengeAnswer(body: unknown): HttpAnswer {
  const challenge = stringField(body, 'challenge');
  if (challenge === undefined) throw new MalformedPayloadError('url_verification must carry a string challenge');
  return { statusCode: 200, contentType: 'application/json', body: JSON.stringify({ challenge }) };
}
