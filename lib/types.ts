/** Signature schemes the verifier understands (`HOOKBRIDGE_SCHEME`). */
export type WebhookScheme = 'github' | 'stripe' | 'slack' | 'shopify' | 'standard' | 'twilio' | 'generic';

/** Every {@link WebhookScheme}, for validation. */
export const WEBHOOK_SCHEMES: readonly WebhookScheme[] = [
  'github',
  'stripe',
  'slack',
  'shopify',
  'standard',
  'twilio',
  'generic',
];

/** HMAC digest of the `generic` scheme. */
export type GenericAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** Encoding of the `generic` scheme's signature. */
export type GenericEncoding = 'hex' | 'base64';

/** Options of the `generic` scheme (`HOOKBRIDGE_SCHEME_OPTIONS`). */
export interface GenericSchemeOptions {
  /**
   * The header that carries the signature (case-insensitive).
   * @default 'X-Signature'
   */
  readonly header?: string;
  /**
   * The HMAC digest.
   * @default 'sha256'
   */
  readonly algorithm?: GenericAlgorithm;
  /**
   * How the signature is encoded.
   * @default 'hex'
   */
  readonly encoding?: GenericEncoding;
  /**
   * A prefix in front of the signature, such as `sha256=`.
   * @default - no prefix
   */
  readonly prefix?: string;
  /**
   * Whether the prefix must be present (when false it is accepted but not required).
   * @default false
   */
  readonly prefixRequired?: boolean;
}

/** Throttling of one route or of the whole stage. */
export interface ThrottleOptions {
  /**
   * Steady-state requests per second.
   * @default - the stage default
   */
  readonly rateLimit?: number;
  /**
   * Burst bucket size.
   * @default - the stage default
   */
  readonly burstLimit?: number;
}
