import fc from 'fast-check';
import { FUZZ_BODY_LIMIT, TOLERANCE_SECONDS } from './constants.js';
import { FUZZ_TARGETS, token, type FuzzTarget, type WellFormedBody } from './targets.js';

/*
 * Recipes: what fast-check generates and shrinks. A recipe is plain data (printable in a
 * counterexample); `buildRequest` turns it into bytes and headers, signing with the vendors'
 * libraries where a recipe asks for a signed request.
 */

/** A change applied to a correctly signed request. */
export type Mutation =
  // neutral: the request stays authentic
  | { readonly kind: 'recase-header-names'; readonly seed: number }
  | { readonly kind: 'extra-header'; readonly suffix: string; readonly value: string }
  | { readonly kind: 'lowercase-method' }
  | { readonly kind: 'add-query'; readonly query: string }
  | { readonly kind: 'change-path'; readonly suffix: string }
  // breaking: the request no longer verifies (or is refused before verification)
  | { readonly kind: 'flip-body-byte'; readonly index: number; readonly xor: number }
  | { readonly kind: 'append-body'; readonly bytes: readonly number[] }
  | { readonly kind: 'truncate-body'; readonly keep: number }
  | { readonly kind: 'drop-signature-header'; readonly which: number }
  | { readonly kind: 'other-method'; readonly method: string }
  // unknown: may or may not break the signature; only the universal properties apply
  | { readonly kind: 'duplicate-signature-header'; readonly which: number; readonly garbage: string; readonly garbageFirst: boolean }
  | { readonly kind: 'replace-header-value'; readonly which: number; readonly value: string }
  | { readonly kind: 'pad-signature-value'; readonly which: number; readonly before: string; readonly after: string }
  | { readonly kind: 'invalid-base64'; readonly at: number; readonly insert: string }
  | { readonly kind: 'set-content-type'; readonly value: string };

/** A body with the content type it is sent under; `wellFormed` when the scheme must accept it once verified. */
export interface BodyChoice extends WellFormedBody {
  readonly wellFormed: boolean;
}

/** A request signed by the vendor's library, then mutated. */
export interface SignedRecipe {
  readonly kind: 'signed';
  readonly target: string;
  readonly payload: BodyChoice;
  readonly id: string;
  readonly type: string;
  /** Signed timestamp relative to now; within ±300 unless `stale`. */
  readonly timestampOffset: number;
  /** Which active secret signs; -1 signs with a secret the source does not have. */
  readonly secretIndex: number;
  readonly svixHeaders: boolean;
  readonly base64: boolean;
  readonly mutations: readonly Mutation[];
}

/** A request nobody signed: random method, path, headers (scheme header names included) and body. */
export interface RandomRecipe {
  readonly kind: 'random';
  readonly target: string;
  readonly method: string;
  readonly pathSuffix: string;
  readonly query: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly base64: boolean | 'invalid';
}

/** Where requests are sent: `event` builds API Gateway events in-process; `http` goes through the local gateway. */
export type Mode = 'event' | 'http';

const LIMIT = FUZZ_BODY_LIMIT;
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const hexDigit = fc.constantFrom(...'0123456789abcdef'.split(''));
const hex = (length: number): fc.Arbitrary<string> => fc.string({ unit: hexDigit, minLength: length, maxLength: length });
const base64Of = (bytes: number): fc.Arbitrary<string> => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('base64'));

/** Header values: empty, huge, control characters, non-ASCII (Latin-1 only over HTTP, where Node refuses anything else). */
export const headerValue = (mode: Mode): fc.Arbitrary<string> => {
  const unit = mode === 'http' ? fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)) : fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit, maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 7_000 }).map((n) => 'v'.repeat(n)) },
    ...(mode === 'event' ? [{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 32 }) }] : []),
  );
};

/** Values shaped like each scheme's signature header, with random digests: plausible, never authentic. */
const plausibleSignature = fc.oneof(
  hex(64).map((h) => `sha256=${h}`),
  hex(64),
  base64Of(32),
  base64Of(64).map((b) => `sha512=${b}`),
  base64Of(20),
  fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), hex(64)).map(([t, h]) => `t=${t},v1=${h}`),
  hex(64).map((h) => `v0=${h}`),
  base64Of(32).map((b) => `v1,${b} v1a,${b}`),
  fc.integer({ min: -5, max: 2 ** 42 }).map(String),
);

const COMMON_HEADERS = ['content-type', 'user-agent', 'x-github-event', 'x-github-delivery', 'webhook-id', 'svix-id', 'x-event-type', 'i-twilio-idempotency-token', 'x-shopify-topic'];

/** Bodies nobody promised to be well-formed: random bytes, Unicode text, broken JSON and forms, sizes around the limit. */
export const randomBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'grapheme', maxLength: 120 }).map(utf8),
  fc.jsonValue({ maxDepth: 3 }).map((v) => utf8(JSON.stringify(v) ?? 'null')),
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.string({ maxLength: 2 })).map(([v, at, insert]) => {
    const text = JSON.stringify(v) ?? 'null';
    const i = at % (text.length + 1);
    return utf8(text.slice(0, i) + insert + text.slice(i + 1));
  }),
  fc.string({ unit: fc.constantFrom('%', '=', '&', '+', 'a', 'Z', '9', 'é', 'payload'), maxLength: 40 }).map(utf8),
  fc.integer({ min: LIMIT - 2, max: LIMIT + 2 }).map((n) => Buffer.alloc(n, 0x61)),
  fc.integer({ min: LIMIT - 2, max: LIMIT + 2 }).map((n) => sizedJson(n)),
);

/** A JSON object every scheme accepts once verified (string `id` and `type`), exactly `n` bytes long. */
export function sizedJson(n: number): Buffer {
  const head = '{"id":"evt_sized","type":"sized","pad":"';
  return utf8(head + 'p'.repeat(Math.max(0, n - head.length - 2)) + '"}');
}

const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', 'application/vnd.api+json', 'APPLICATION/JSON; charset=utf-8', ''),
  fc.string({ maxLength: 30 }),
);

const bodyChoice = (target: FuzzTarget): fc.Arbitrary<BodyChoice> =>
  fc.oneof(
    { weight: 5, arbitrary: target.bodies.map((b) => ({ ...b, wellFormed: true })) },
    { weight: 1, arbitrary: fc.integer({ min: LIMIT - 2, max: LIMIT + 2 }).map((n) => ({ body: sizedJson(n), contentType: 'application/json', handshake: false, wellFormed: true })) },
    { weight: 2, arbitrary: fc.record({ body: randomBody, contentType }).map((b) => ({ ...b, handshake: false, wellFormed: false })) },
  );

const neutralMutation = (mode: Mode): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.nat().map((seed) => ({ kind: 'recase-header-names', seed }) as const),
    fc.record({ suffix: fc.stringMatching(/^[a-z0-9-]{1,12}$/), value: headerValue(mode) }).map((m) => ({ kind: 'extra-header', ...m }) as const),
    fc.string({ maxLength: 30 }).map((q) => ({ kind: 'add-query', query: mode === 'http' ? encodeURIComponent(q) : q }) as const),
    ...(mode === 'event'
      ? [fc.constant({ kind: 'lowercase-method' } as const), fc.string({ maxLength: 20 }).map((suffix) => ({ kind: 'change-path', suffix }) as const)]
      : []),
  );

const breakingMutation = (mode: Mode): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ index: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }).map((m) => ({ kind: 'flip-body-byte', ...m }) as const),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }).map((bytes) => ({ kind: 'append-body', bytes }) as const),
    fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.999, noNaN: true })).map((keep) => ({ kind: 'truncate-body', keep }) as const),
    fc.nat().map((which) => ({ kind: 'drop-signature-header', which }) as const),
    fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', ...(mode === 'event' ? ['HEAD', 'FOO', ''] : [])).map((method) => ({ kind: 'other-method', method }) as const),
  );

const unknownMutation = (mode: Mode): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ which: fc.nat(), garbage: fc.oneof(plausibleSignature, headerValue(mode)), garbageFirst: fc.boolean() }).map((m) => ({ kind: 'duplicate-signature-header', ...m }) as const),
    fc.record({ which: fc.nat(), value: fc.oneof(plausibleSignature, headerValue(mode)) }).map((m) => ({ kind: 'replace-header-value', ...m }) as const),
    fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream', '').map((value) => ({ kind: 'set-content-type', value }) as const),
    fc.record({ which: fc.nat(), before: fc.constantFrom('', ' ', '\t', '  '), after: fc.constantFrom('', ' ', ',', ';', '\t') }).map((m) => ({ kind: 'pad-signature-value', ...m }) as const),
    ...(mode === 'event' ? [fc.record({ at: fc.nat(), insert: fc.string({ unit: fc.constantFrom('!', '=', '-', '_', '.', ' ', 'é', '*'), minLength: 1, maxLength: 3 }) }).map((m) => ({ kind: 'invalid-base64', ...m }) as const)] : []),
  );

/** Signed requests with 0–3 mutations, biased towards the three classes evenly. */
export const signedRecipe = (mode: Mode, targets: readonly FuzzTarget[] = FUZZ_TARGETS): fc.Arbitrary<SignedRecipe> =>
  fc.constantFrom(...targets).chain((target) =>
    fc.record({
      kind: fc.constant('signed' as const),
      target: fc.constant(target.name),
      payload: bodyChoice(target),
      id: token(),
      type: token(30),
      timestampOffset: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: -TOLERANCE_SECONDS, max: TOLERANCE_SECONDS }) },
        { weight: 1, arbitrary: fc.integer({ min: TOLERANCE_SECONDS + 1, max: 10_000_000 }).chain((d) => fc.constantFrom(d, -d)) },
      ),
      secretIndex: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: target.secrets.length - 1 }) }, { weight: 1, arbitrary: fc.constant(-1) }),
      svixHeaders: fc.boolean(),
      base64: fc.boolean(),
      mutations: fc.array(fc.oneof({ weight: 3, arbitrary: neutralMutation(mode) }, { weight: 1, arbitrary: breakingMutation(mode) }, { weight: 1, arbitrary: unknownMutation(mode) }), { maxLength: 3 }),
    }),
  );

/** Signed, well-formed, unmutated-or-neutral requests: those a working verifier must accept. */
export const genuineRecipe = (mode: Mode, targets: readonly FuzzTarget[] = FUZZ_TARGETS): fc.Arbitrary<SignedRecipe> =>
  fc.constantFrom(...targets).chain((target) =>
    fc.record({
      kind: fc.constant('signed' as const),
      target: fc.constant(target.name),
      payload: target.bodies.filter((b) => b.body.length <= LIMIT).map((b) => ({ ...b, wellFormed: true })),
      id: token(),
      type: token(30),
      timestampOffset: fc.integer({ min: -TOLERANCE_SECONDS, max: TOLERANCE_SECONDS }),
      secretIndex: fc.nat({ max: target.secrets.length - 1 }),
      svixHeaders: fc.boolean(),
      base64: fc.boolean(),
      // Twilio signs the URL: a changed path or query is not neutral there.
      mutations: fc.array(neutralMutation(mode).filter((m) => target.scheme !== 'twilio' || (m.kind !== 'add-query' && m.kind !== 'change-path')), { maxLength: 2 }),
    }),
  );

/** Unsigned requests: every part random, the scheme's own header names among the candidates. */
export const randomRecipe = (mode: Mode, targets: readonly FuzzTarget[] = FUZZ_TARGETS): fc.Arbitrary<RandomRecipe> =>
  fc.constantFrom(...targets).chain((target) => {
    const names = fc.oneof(
      fc.constantFrom(...target.signatureHeaders, ...COMMON_HEADERS, ...(mode === 'event' ? ['content-length'] : [])).chain((name) => fc.nat().map((seed) => recase(name, seed))),
      fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/),
    );
    return fc.record({
      kind: fc.constant('random' as const),
      target: fc.constant(target.name),
      method: fc.oneof({ weight: 5, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }, ...(mode === 'event' ? [{ weight: 1, arbitrary: fc.string({ maxLength: 8 }) }] : [])),
      pathSuffix:
        mode === 'event'
          ? fc.string({ maxLength: 24 })
          : fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 24 }).map((s) => `/${encodeURIComponent(s)}`) }, { weight: 1, arbitrary: fc.constantFrom('/../x', '//', '/%2e%2e', '%00', '/', '%2F..') }),
      query: fc.string({ maxLength: 40 }).map((q) => (mode === 'http' ? encodeURIComponent(q) : q)),
      headers: fc.array(fc.tuple(names, fc.oneof(plausibleSignature, headerValue(mode))), { maxLength: 8 }),
      body: randomBody,
      base64: mode === 'event' ? fc.constantFrom<boolean | 'invalid'>(true, false, 'invalid') : fc.constant(false),
    });
  });

/** `name` with the case of each letter flipped by the bits of `seed`. */
export function recase(name: string, seed: number): string {
  let bits = seed;
  let out = '';
  for (const char of name) {
    out += bits & 1 ? char.toUpperCase() : char.toLowerCase();
    bits = Math.floor(bits / 2) || seed;
  }
  return out;
}

/** The target a recipe names. */
export function targetNamed(name: string): FuzzTarget {
  const target = FUZZ_TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name}`);
  return target;
}
