import { createHmac } from 'node:crypto';
import { parseForm } from '../../shared/form.js';
import { ErrorCode, SignatureError } from '../errors.js';
import { textOf } from '../raw-bytes.js';
import type { Delivery, HttpAnswer, Scheme, SignInput, SignedContent, SignedRequest, WebhookRequest } from '../types.js';
import {
  decodeDigest,
  formPayload,
  header,
  jsonPayload,
  mediaType,
  pickHeaders,
  queryParameter,
  requireHeader,
  sha256Hex,
  stringField,
} from './wire.js';

const SIGNATURE_HEADER = 'X-Twilio-Signature';
const FORM = 'application/x-www-form-urlencoded';

/** Twilio expects TwiML back; an empty `<Response/>` tells it "nothing to do". */
const EMPTY_TWIML: HttpAnswer = {
  statusCode: 200,
  contentType: 'text/xml',
  body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
};

/**
 * Twilio: `X-Twilio-Signature: <base64 HMAC-SHA1>` over the public URL (as Twilio called it, query
 * included) followed by every form parameter as name+value, names sorted. JSON bodies are signed
 * through the URL instead: Twilio appends `bodySHA256=<hex sha256 of the body>` and signs the URL
 * alone. Like Twilio's own validator, the URL is tried with and without the default port, because
 * Twilio may have signed either form. Form parameters are parsed before verification because
 * they are part of what Twilio signs.
 * @see https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export const twilioScheme: Scheme = {
  key: (secret) => Buffer.from(secret, 'utf8'),

  signedContent(request: WebhookRequest): SignedContent {
    const signature = decodeDigest(requireHeader(request, SIGNATURE_HEADER), 'base64', 'sha1', SIGNATURE_HEADER);
    const form = mediaType(request) === FORM;
    // A signed URL carrying bodySHA256 binds the body whatever the content type claims: otherwise a
    // captured JSON delivery, re-sent as an empty form, would verify with a body of the sender's choosing.
    const bodyHash = queryParameter(request.url, 'bodySHA256');
    if (!bodyHash && !form) throw new SignatureError(ErrorCode.SignatureMalformed, 'non-form body without bodySHA256 in the URL');
    // The body hash is public data; an ordinary comparison leaks nothing.
    if (bodyHash && bodyHash.toLowerCase() !== sha256Hex(request.body)) {
      throw new SignatureError(ErrorCode.SignatureMismatch, 'body does not match bodySHA256');
    }
    const suffix = form ? signedParams(textOf(request.body)) : '';
    const messages = urlVariants(request.url).map((url) => url + suffix);
    return { algorithm: 'sha1', messages, signatures: [signature] };
  },

  describe(request: WebhookRequest): Delivery {
    const vendorHeaders = pickHeaders(request, ['X-Home-Region', 'X-Twilio-WebhookRetryCount']);
    const id = header(request, 'I-Twilio-Idempotency-Token');
    if (mediaType(request) === FORM) {
      const payload = formPayload(request.body);
      const { MessageStatus, SmsStatus, CallStatus } = payload.fields;
      const kind = [MessageStatus, SmsStatus, CallStatus].find((value) => typeof value === 'string');
      return { id, type: (kind as string | undefined) ?? 'webhook', payload, vendorHeaders, success: EMPTY_TWIML };
    }
    const payload = jsonPayload(request.body);
    return { id, type: stringField(payload.value, 'type') ?? 'webhook', payload, vendorHeaders, success: EMPTY_TWIML };
  },

  sign(input: SignInput): SignedRequest {
    const form = input.contentType.split(';')[0]!.trim().toLowerCase() === FORM;
    const url = form ? input.url : `${input.url}${input.url.includes('?') ? '&' : '?'}bodySHA256=${sha256Hex(input.body)}`;
    const data = url + (form ? signedParams(input.body.toString('utf8')) : '');
    const signature = createHmac('sha1', twilioScheme.key(input.secret)).update(data, 'utf8').digest('base64');
    return {
      url,
      headers: { [SIGNATURE_HEADER]: signature, 'I-Twilio-Idempotency-Token': input.id, 'Content-Type': input.contentType },
    };
  },
};

/** name+value of every parameter, names sorted; repeated names contribute each distinct value, sorted. */
function signedParams(body: string): string {
  const fields = parseForm(body);
  return Object.keys(fields)
    .sort()
    .map((name) => {
      const value = fields[name]!;
      const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
      return values.map((v) => name + v).join('');
    })
    .join('');
}

const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is;

const PORT = /:\d*$/;

/** The URL without its port, then with the scheme's default port (the URL itself when it has a port or no authority). */
function urlVariants(url: string): [string, string] {
  const match = AUTHORITY.exec(url);
  if (!match) return [url, url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  if (PORT.test(authority)) return [scheme + authority.replace(PORT, '') + rest, url];
  return [url, scheme + authority + (scheme.toLowerCase() === 'https://' ? ':443' : ':80') + rest];
}
