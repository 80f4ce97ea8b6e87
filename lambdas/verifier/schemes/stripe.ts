import { createHmac } from 'node:crypto';
import { ErrorCode, MalformedPayloadError, SignatureError } from '../errors.js';
import type { Delivery, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import { decodeDigest, jsonPayload, parseUnixSeconds, requireHeader, stringField } from './wire.js';

const SIGNATURE_HEADER = 'Stripe-Signature';

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`, HMAC-SHA256 over `{t}.{body}`.
 * Several `v1` entries appear while an endpoint secret is being rolled; any may match. Other
 * schemes (`v0`, test-mode extras) are ignored, as Stripe's own library does.
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
export const stripeScheme: Scheme = {
  key: (secret) => Buffer.from(secret, 'utf8'),

  signedContent(request: WebhookRequest): SignedContent {
    const value = requireHeader(request, SIGNATURE_HEADER);
    let timestamp: number | undefined;
    const signatures: Buffer[] = [];
    for (const item of value.split(',')) {
      const eq = item.indexOf('=');
      const name = item.slice(0, eq).trim();
      const text = item.slice(eq + 1).trim();
      if (eq > 0 && name === 't' && timestamp === undefined) timestamp = parseUnixSeconds(text, SIGNATURE_HEADER);
      else if (eq > 0 && name === 'v1') signatures.push(decodeDigest(text, 'hex', 'sha256', SIGNATURE_HEADER));
    }
    if (timestamp === undefined || signatures.length === 0) {
      throw new SignatureError(ErrorCode.SignatureMalformed, `header ${SIGNATURE_HEADER} needs t= and at least one v1=`);
    }
    const message = Buffer.concat([Buffer.from(`${timestamp}.`), request.body]);
    return { algorithm: 'sha256', messages: [message], signatures, timestamp };
  },

  describe(request: WebhookRequest): Delivery {
    const payload = jsonPayload(request.body);
    const id = stringField(payload.value, 'id');
    const type = stringField(payload.value, 'type');
    if (!id || !type) throw new MalformedPayloadError('Stripe event must have string id and type');
    return { id, type, payload, vendorHeaders: {} };
  },

  sign(input: SignInput): SignedRequest {
    const digest = createHmac('sha256', stripeScheme.key(input.secret))
      .update(`${input.timestamp}.`)
      .update(input.body)
      .digest('hex');
    return {
      url: input.url,
      headers: { [SIGNATURE_HEADER]: `t=${input.timestamp},v1=${digest}`, 'Content-Type': input.contentType },
    };
  },
};
