import fc from 'fast-check';
import type { SchemeName } from '../../../lambdas/verifier/schemes/index.js';
import { FUZZ_BODY_LIMIT, FUZZ_CLAIM_CHECK_THRESHOLD } from './constants.js';
import type { SignSpec } from './vendorSign.js';

/** A body a scheme accepts once verified, with the content type it is sent under. */
export interface WellFormedBody {
  readonly body: Buffer;
  readonly contentType: string;
  /** Slack `url_verification`: answered 200 with the challenge, nothing published. */
  readonly handshake: boolean;
}

/** One configured source the fuzzer attacks: a scheme, its settings and its secrets. */
export interface FuzzTarget {
  /** Source name: `HOOKBRIDGE_SOURCE` and the route `/webhooks/{name}`. */
  readonly name: string;
  readonly scheme: SchemeName;
  /** `HOOKBRIDGE_SCHEME_OPTIONS` (generic scheme). */
  readonly generic?: SignSpec['generic'] & { readonly prefixRequired: boolean };
  /** Active secrets; stored as a JSON array (rotation) when there are several. */
  readonly secrets: readonly string[];
  /** Header names (original case) that carry the signature or signed values. */
  readonly signatureHeaders: readonly string[];
  /** True when the scheme signs a timestamp (the window applies). */
  readonly timestamped: boolean;
  /** True when the signature covers form fields rather than the body bytes (Twilio forms). */
  readonly signsFields: (contentType: string) => boolean;
  /** `HOOKBRIDGE_CLAIM_CHECK_THRESHOLD`, to fuzz the S3 claim-check path. */
  readonly claimCheckThreshold?: number;
  readonly bodies: fc.Arbitrary<WellFormedBody>;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Short printable tokens for ids and types (vendors' ids are short; the verifier caps them). */
export const token = (max = 24): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[A-Za-z0-9_.:/-]{1,${max}}$`));

/** Any JSON value, serialized; strings range over all of Unicode. */
const anyJson = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null');
const jsonBody = (text: fc.Arbitrary<string>, contentType: fc.Arbitrary<string> = fc.constant(JSON_TYPE)): fc.Arbitrary<WellFormedBody> =>
  fc.record({ text, contentType }).map(({ text: t, contentType: c }) => ({ body: utf8(t), contentType: c, handshake: false }));

/** Form fields with arbitrary Unicode names and values, never `payload` (which Slack and GitHub unwrap). */
const formPairs = fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 24 })), { maxLength: 6 }).map((pairs) => pairs.filter(([name]) => name !== 'payload'));
const formText = (pairs: readonly (readonly [string, string])[]): string => new URLSearchParams(pairs.map(([n, v]): [string, string] => [n, v])).toString();

const githubBodies = fc.oneof(
  jsonBody(anyJson),
  anyJson.map((json) => ({ body: utf8(formText([['payload', json]])), contentType: FORM_TYPE, handshake: false })),
);
const stripeBodies = jsonBody(
  fc.record({ id: token().map((t) => `evt_${t}`), type: token(40), extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) }).map(({ id, type, extra }) => JSON.stringify({ ...extra, id, type })),
);
const slackBodies = fc.oneof(
  jsonBody(fc.record({ id: token(), type: token(30), extra: fc.jsonValue({ maxDepth: 2 }) }).map(({ id, type, extra }) => JSON.stringify({ type: 'event_callback', event_id: id, event: { type, extra } }))),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((challenge) => ({ body: utf8(JSON.stringify({ type: 'url_verification', token: 'x', challenge })), contentType: JSON_TYPE, handshake: true })),
  formPairs.map((pairs) => ({ body: utf8(formText(pairs)), contentType: FORM_TYPE, handshake: false })),
  token(30).map((type) => ({ body: utf8(formText([['payload', JSON.stringify({ type, actions: [] })]])), contentType: FORM_TYPE, handshake: false })),
);
const twilioBodies = fc.oneof(
  fc.tuple(formPairs, fc.option(token(20), { nil: undefined })).map(([pairs, status]) => ({
    body: utf8(formText(status === undefined ? pairs : [...pairs, ['MessageStatus', status] as const])),
    contentType: FORM_TYPE,
    handshake: false,
  })),
  jsonBody(anyJson),
);
const genericBodies = fc.oneof(
  jsonBody(anyJson, fc.constantFrom(JSON_TYPE, 'application/cloudevents+json', 'Application/JSON; charset=utf-8')),
  formPairs.map((pairs) => ({ body: utf8(formText(pairs)), contentType: FORM_TYPE, handshake: false })),
  fc.record({ bytes: fc.uint8Array({ maxLength: 600 }), contentType: fc.constantFrom('application/octet-stream', 'text/plain', 'image/png', 'application/xml', '') }).map(({ bytes, contentType }) => ({ body: Buffer.from(bytes), contentType, handshake: false })),
);

const notForms = (): boolean => false;
const twilioForms = (contentType: string): boolean => contentType.split(';')[0]!.trim().toLowerCase() === FORM_TYPE;

/**
 * The targets: every scheme, one with a rotation array (two active secrets), the generic scheme
 * in two configurations, and a GitHub source that claim-checks payloads above 256 bytes to S3.
 * Secrets are long, distinctive strings so that finding one in a log line is never a coincidence.
 */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  { name: 'github', scheme: 'github', secrets: ['fz-gh-secret-Qm8vT2xw9KpL', 'fz-gh-previous-Zr4nB7cY1sEe'], signatureHeaders: ['X-Hub-Signature-256'], timestamped: false, signsFields: notForms, bodies: githubBodies },
  { name: 'stripe', scheme: 'stripe', secrets: ['whsec_fzStripeSecret7Hq2Lw9Xc'], signatureHeaders: ['Stripe-Signature'], timestamped: true, signsFields: notForms, bodies: stripeBodies },
  { name: 'slack', scheme: 'slack', secrets: ['fz-slack-signing-8Jd3Kw0PqR'], signatureHeaders: ['X-Slack-Signature', 'X-Slack-Request-Timestamp'], timestamped: true, signsFields: notForms, bodies: slackBodies },
  { name: 'shopify', scheme: 'shopify', secrets: ['fz-shopify-client-5Tg6Yh7Uj8'], signatureHeaders: ['X-Shopify-Hmac-Sha256'], timestamped: false, signsFields: notForms, bodies: jsonBody(anyJson) },
  { name: 'standard', scheme: 'standard', secrets: [`whsec_${Buffer.from('fz-standard-key-material-3Nc9').toString('base64')}`], signatureHeaders: ['webhook-signature', 'webhook-id', 'webhook-timestamp'], timestamped: true, signsFields: notForms, bodies: jsonBody(anyJson) },
  { name: 'twilio', scheme: 'twilio', secrets: ['fz-twilio-auth-token-2Vb5Nm8Kl'], signatureHeaders: ['X-Twilio-Signature'], timestamped: false, signsFields: twilioForms, bodies: twilioBodies },
  { name: 'generic', scheme: 'generic', secrets: ['fz-generic-secret-4Rt7Yu1Io'], generic: { header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: '', prefixRequired: false }, signatureHeaders: ['X-Signature'], timestamped: false, signsFields: notForms, bodies: genericBodies },
  { name: 'partner', scheme: 'generic', secrets: ['fz-partner-secret-6Wq3Ed5Rf'], generic: { header: 'X-Partner-Signature', algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=', prefixRequired: true }, signatureHeaders: ['X-Partner-Signature'], timestamped: false, signsFields: notForms, bodies: genericBodies },
  { name: 'claims', scheme: 'github', secrets: ['fz-claims-secret-9Ok2Pl4Mn'], signatureHeaders: ['X-Hub-Signature-256'], timestamped: false, signsFields: notForms, claimCheckThreshold: FUZZ_CLAIM_CHECK_THRESHOLD, bodies: githubBodies },
];

/** Every secret string of every target, to look for in log lines and answers. */
export const ALL_SECRETS: readonly string[] = FUZZ_TARGETS.flatMap((target) => target.secrets);

/** The environment of a target's verifier (the harness adds bus, secret id and bucket). */
export function targetEnv(target: FuzzTarget): Record<string, string> {
  const env: Record<string, string> = {
    HOOKBRIDGE_SOURCE: target.name,
    HOOKBRIDGE_SCHEME: target.scheme,
    HOOKBRIDGE_BODY_LIMIT: String(FUZZ_BODY_LIMIT),
  };
  if (target.generic) env.HOOKBRIDGE_SCHEME_OPTIONS = JSON.stringify(target.generic);
  if (target.claimCheckThreshold !== undefined) env.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD = String(target.claimCheckThreshold);
  return env;
}

/** The Secrets Manager value of a target: one string, or a JSON array during a rotation. */
export function storedSecret(target: FuzzTarget): string {
  return target.secrets.length === 1 ? target.secrets[0]! : JSON.stringify(target.secrets);
}
