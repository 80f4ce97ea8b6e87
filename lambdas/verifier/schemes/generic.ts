import { createHmac } from 'node:crypto';
import { ErrorCode, SignatureError, VerifierConfigError } from '../errors.js';
import type {
  Delivery,
  HmacAlgorithm,
  Payload,
  Scheme,
  SignatureEncoding,
  SignInput,
  SignedContent,
  SignedRequest,
  WebhookRequest,
} from '../types.js';
import { decodeDigest, formPayload, header, isJsonMediaType, jsonPayload, mediaType, requireHeader } from './wire.js';

/** `HOOKBRIDGE_SCHEME_OPTIONS` of the generic scheme. */
export interface GenericSchemeOptions {
  /** @default 'X-Signature' */
  readonly header?: string;
  /** @default 'sha256' */
  readonly algorithm?: HmacAlgorithm;
  /** @default 'hex' */
  readonly encoding?: SignatureEncoding;
  /** Text before the signature, e.g. `sha256=`. @default '' */
  readonly prefix?: string;
  /** Reject signatures without the prefix. @default false */
  readonly prefixRequired?: boolean;
}

const ALGORITHMS: readonly string[] = ['sha1', 'sha256', 'sha512'];
const ENCODINGS: readonly string[] = ['hex', 'base64'];

/**
 * A configurable HMAC over the raw body for in-house senders: one header, one algorithm, hex or
 * base64, an optional prefix. The event type comes from `X-Event-Type`; there is no delivery id
 * header, so the envelope id is the body hash. JSON and form bodies become `data`; any other
 * content type is carried as `data_base64`.
 *
 * @throws VerifierConfigError when an option is invalid
 */
export function createGenericScheme(options: GenericSchemeOptions = {}): Scheme {
  const name = options.header ?? 'X-Signature';
  const algorithm = options.algorithm ?? 'sha256';
  const encoding = options.encoding ?? 'hex';
  const prefix = options.prefix ?? '';
  const prefixRequired = options.prefixRequired ?? false;
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new VerifierConfigError(`generic header must be a header name (given ${JSON.stringify(name)})`);
  if (!ALGORITHMS.includes(algorithm)) throw new VerifierConfigError(`generic algorithm must be one of ${ALGORITHMS.join(', ')} (given ${JSON.stringify(algorithm)})`);
  if (!ENCODINGS.includes(encoding)) throw new VerifierConfigError(`generic encoding must be one of ${ENCODINGS.join(', ')} (given ${JSON.stringify(encoding)})`);
  if (prefixRequired && prefix === '') throw new VerifierConfigError('generic prefixRequired needs a non-empty prefix');

  const lowerPrefix = prefix.toLowerCase();
  const scheme: Scheme = {
    key: (secret) => Buffer.from(secret, 'utf8'),

    signedContent(request: WebhookRequest): SignedContent {
      let value = requireHeader(request, name);
      if (prefix && value.slice(0, prefix.length).toLowerCase() === lowerPrefix) value = value.slice(prefix.length);
      else if (prefixRequired) throw new SignatureError(ErrorCode.SignatureMalformed, `header ${name} must start with ${prefix}`);
      const signature = decodeDigest(value, encoding, algorithm, name);
      return { algorithm, messages: [request.body], signatures: [signature] };
    },

    describe(request: WebhookRequest): Delivery {
      return { type: header(request, 'X-Event-Type') ?? 'webhook', payload: genericPayload(request), vendorHeaders: {} };
    },

    sign(input: SignInput): SignedRequest {
      const digest = createHmac(algorithm, scheme.key(input.secret)).update(input.body).digest(encoding);
      const headers: Record<string, string> = { [name]: prefix + digest, 'Content-Type': input.contentType };
      if (input.type !== undefined) headers['X-Event-Type'] = input.type;
      return { url: input.url, headers };
    },
  };
  return scheme;
}

function genericPayload(request: WebhookRequest): Payload {
  const type = mediaType(request);
  if (isJsonMediaType(type)) return jsonPayload(request.body);
  if (type === 'application/x-www-form-urlencoded') return formPayload(request.body);
  return { kind: 'binary', bytes: request.body, contentType: type || 'application/octet-stream' };
}
