import type { FormFields } from '../shared/form.js';

/** HMAC digests the verification core supports. */
export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** How a signature is written in its header. */
export type SignatureEncoding = 'hex' | 'base64';

/**
 * A byte sequence in the form it arrived in, so a large body is never copied just to be read:
 * a `string` stands for its UTF-8 encoding (API Gateway hands text bodies over as strings; a lone
 * surrogate encodes as U+FFFD, as `Buffer.from` does), a `Buffer` for itself. `hash.update`,
 * `Buffer.byteLength` and the S3 SDK all read both forms as the same bytes.
 */
export type RawBytes = string | Buffer;

/** One inbound delivery as the verifier sees it, independent of API Gateway's event shape. */
export interface WebhookRequest {
  /** Header names lower-cased; repeated headers joined with `,` as API Gateway does. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The exact bytes received, after undoing API Gateway's base64 transport encoding: the event's
   * string for a text body (no copy), the decoded bytes for a base64 one.
   */
  readonly body: RawBytes;
  /** The public URL the vendor called, with the query string as received (Twilio signs it). */
  readonly url: string;
}

/** What a scheme says was signed, handed to the one verification core. */
export interface SignedContent {
  readonly algorithm: HmacAlgorithm;
  /**
   * Byte strings the vendor may have signed; a match on any is enough (Twilio: URL with/without
   * port). A message given as parts is their concatenation (e.g. a timestamp prefix and the body),
   * hashed part by part so the body is never copied into a joined buffer.
   */
  readonly messages: readonly (RawBytes | readonly RawBytes[])[];
  /** Decoded signatures from the request; several when the vendor rotates or lists versions. */
  readonly signatures: readonly Buffer[];
  /** Unix seconds the vendor signed, for schemes that sign a timestamp. */
  readonly timestamp?: number;
}

/**
 * The payload after verification, in the form it travels in the envelope (`bytes` are what a
 * claim check stores):
 * - `json`: `bytes` is the exact JSON text, embedded as `data` without a parse/re-serialize round
 *   trip (that would round integers above 2^53, e.g. Shopify ids); `value` is only read for ids.
 * - `form`: fields become `data`.
 * - `binary`: anything else, carried as `data_base64` (generic scheme only).
 */
export type Payload =
  | { readonly kind: 'json'; readonly bytes: RawBytes; readonly value: unknown }
  | { readonly kind: 'form'; readonly bytes: RawBytes; readonly fields: FormFields }
  | { readonly kind: 'binary'; readonly bytes: RawBytes; readonly contentType: string };

/** A non-default HTTP answer a scheme requires (a handshake, or the vendor's success shape). */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}

/** What a scheme reads from a verified request. */
export interface Delivery {
  /** The vendor's delivery id; absent when the vendor sends none (the envelope then hashes the body). */
  readonly id?: string;
  /** The vendor's event type, used as EventBridge `detail-type`. */
  readonly type: string;
  readonly payload: Payload;
  /** Headers consumers need, lower-cased, only those present. */
  readonly vendorHeaders: Readonly<Record<string, string>>;
  /** Answer instead of publishing (Slack `url_verification`). */
  readonly handshake?: HttpAnswer;
  /** Answer instead of `202 {"id"}` after publishing (Twilio's empty TwiML). */
  readonly success?: HttpAnswer;
}

/** Input to a scheme's signer (`hookbridge send`, tests). */
export interface SignInput {
  readonly body: Buffer;
  /** Content type of `body`; Twilio signs form fields and JSON bodies differently. */
  readonly contentType: string;
  /** The public URL the request will be sent to. */
  readonly url: string;
  /** Unix seconds to sign, for schemes that sign a timestamp. */
  readonly timestamp: number;
  /** Delivery id to send, for schemes that carry one in a header. */
  readonly id: string;
  /** Event type to send, for schemes that carry it in a header (GitHub, Shopify, generic). */
  readonly type?: string;
  /** The secret exactly as stored in Secrets Manager (one entry of a rotation array). */
  readonly secret: string;
}

/** A signed request ready to send: headers to add, and the URL to call (Twilio may add a query). */
export interface SignedRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly url: string;
}

/**
 * One vendor's signature scheme. An adapter only maps the vendor's wire format onto the core:
 * which headers, which bytes are signed, how the key is derived, and what the payload means.
 * `sign` is the exact inverse of `signedContent`, so `hookbridge send` and the tests exercise the
 * same code path the verifier trusts.
 */
export interface Scheme {
  /** HMAC key bytes for one configured secret string. */
  key(secret: string): Buffer;
  /**
   * Reads the signature and the signed bytes. Throws `SignatureError` (missing/malformed) only;
   * must not interpret anything the vendor does not sign.
   */
  signedContent(request: WebhookRequest): SignedContent;
  /** Interprets a verified request. Throws `MalformedPayloadError` when it is unusable. */
  describe(request: WebhookRequest): Delivery;
  /** Signs a request the way the vendor would. */
  sign(input: SignInput): SignedRequest;
}
