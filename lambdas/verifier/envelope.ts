import type { SchemeName } from './schemes/index.js';

/**
 * The event contract between the verifier and every consumer: the EventBridge `detail` of each
 * webhook event, a CloudEvents 1.0 structure with hookbridge extension attributes. The JSON
 * Schema of this version is `schema/envelope.v1.json`; a breaking change means a new
 * `envelopeversion` and a new schema file, never an edit of this one.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 */
export const ENVELOPE_VERSION = '1.0';

/** Where a claim-checked payload lives: the S3 object holds the payload bytes. */
export interface DataRef {
  readonly bucket: string;
  readonly key: string;
  /** Payload size in bytes. */
  readonly size: number;
  /** Hex SHA-256 of the payload bytes, so a consumer can check what it fetched. */
  readonly sha256: string;
}

/** Which scheme verified the delivery, and with which entry of the secret array. */
export interface Verification {
  readonly scheme: SchemeName;
  readonly secretIndex: number;
}

/** The attributes every envelope has, whichever way the payload travels. */
export interface EnvelopeHead {
  readonly specversion: '1.0';
  /** The vendor's delivery id, or the hex SHA-256 of `source` + body; `source` + `id` is the idempotency key. */
  readonly id: string;
  /** `webhooks.<source>` unless configured otherwise; also the EventBridge `source`. */
  readonly source: string;
  /** The vendor's event type; also the EventBridge `detail-type`. */
  readonly type: string;
  /** When the verifier received the delivery, ISO-8601 UTC. */
  readonly time: string;
  /** How to read the payload: `application/json`, `application/x-www-form-urlencoded`, or the sender's type. */
  readonly datacontenttype: string;
  readonly envelopeversion: typeof ENVELOPE_VERSION;
  /** The API Gateway request id, also in every log line about this delivery. */
  readonly correlationid: string;
  readonly verification: Verification;
  /** Vendor headers consumers need (lower-case names), e.g. `x-shopify-shop-domain`. */
  readonly vendorheaders: Readonly<Record<string, string>>;
}

/** The envelope: the head plus exactly one of `data`, `data_base64`, `dataref`. */
export type Envelope = EnvelopeHead &
  (
    | { readonly data: unknown; readonly data_base64?: never; readonly dataref?: never }
    | { readonly data_base64: string; readonly data?: never; readonly dataref?: never }
    | { readonly dataref: DataRef; readonly data?: never; readonly data_base64?: never }
  );
