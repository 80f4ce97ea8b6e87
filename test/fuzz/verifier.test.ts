import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRandom, buildSigned, type FuzzRequest } from '../helpers/fuzz/buildRequest.js';
import { classViolations, describeRequest, universalViolations } from '../helpers/fuzz/checks.js';
import { DEFAULT_BODY_LIMIT } from '../../lambdas/verifier/constants.js';
import { ErrorCode } from '../../lambdas/verifier/errors.js';
import type { VerifierHandler } from '../../lambdas/verifier/handler.js';
import { closedEndpoint, fuzzVerifier, secretIdOf } from '../helpers/fuzz/fuzzHarness.js';
import { invokeDirect, observe } from '../helpers/fuzz/observe.js';
import { genuineRecipe, randomRecipe, signedRecipe, sizedJson, targetNamed, type SignedRecipe } from '../helpers/fuzz/recipes.js';
import { fuzzBudget, share, timeoutFor } from '../helpers/fuzz/runs.js';
import { FUZZ_TARGETS, storedSecret, type FuzzTarget } from '../helpers/fuzz/targets.js';
import { FakeAws } from '../helpers/verifier/fake-aws.js';

/*
 * Property-based fuzzing of the verifier handler, invoked in-process with API Gateway events and
 * wired as production wires it (real Publisher, Powertools secrets provider and SDK v3 clients)
 * against a fake AWS endpoint on 127.0.0.1. `FUZZ_RUNS` sets the number of cases (default 3000,
 * full run: FUZZ_RUNS=100000 npx vitest run test/fuzz); `FUZZ_SEED` replays a reported failure.
 */

const budget = fuzzBudget();
const runs = {
  random: share(budget.verifierRuns, 0.3),
  mutated: share(budget.verifierRuns, 0.4),
  genuine: share(budget.verifierRuns, 0.1),
  failures: share(budget.verifierRuns, 0.2),
};
const LIMIT_RUNS = Math.max(12, Math.round(budget.verifierRuns / 2500));
const SITE = { domainName: 'api123.execute-api.us-east-1.amazonaws.com' };
const fake = new FakeAws();
const healthy = new Map<string, VerifierHandler>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
let requestCounter = 0;

const settings = <T>(numRuns: number, examples: T[] = []): fc.Parameters<T> => ({ numRuns, seed: budget.seed, verbose: 1, examples });

/**
 * Counterexamples the fuzzer found and shrank, replayed first on every run so they stay fixed
 * (the third was a false alarm of the harness: mutations that cancel out).
 * 1. A signed body of 12–20 bytes that is not JSON: V8 quotes a JSON text of up to 20 characters
 *    whole in its `SyntaxError` message, which the verifier logged as the rejection's cause.
 * 2. A Twilio JSON delivery (signature over the URL with `bodySHA256`) replayed with
 *    `Content-Type: application/x-www-form-urlencoded` and an empty body: the form path ignored
 *    `bodySHA256` and the empty parameter list matched the URL-only signature.
 */
const FOUND: SignedRecipe[][] = [
  [{ kind: 'signed', target: 'slack', payload: { body: Buffer.from('é%%%payload'), contentType: '', handshake: false, wellFormed: false }, id: ':', type: 'a', timestampOffset: 0, secretIndex: 0, svixHeaders: false, base64: false, mutations: [] }],
  [
    {
      kind: 'signed',
      target: 'twilio',
      payload: { body: Buffer.from('{"type":"x","amount":100}'), contentType: 'application/json', handshake: false, wellFormed: true },
      id: 'x',
      type: 'x',
      timestampOffset: 0,
      secretIndex: 0,
      svixHeaders: false,
      base64: false,
      mutations: [{ kind: 'set-content-type', value: 'application/x-www-form-urlencoded' }, { kind: 'truncate-body', keep: 0 }],
    },
  ],
  [{ kind: 'signed', target: 'partner', payload: { body: Buffer.alloc(0), contentType: 'application/x-www-form-urlencoded', handshake: false, wellFormed: true }, id: '.', type: '-', timestampOffset: 0, secretIndex: 0, svixHeaders: false, base64: false, mutations: [{ kind: 'append-body', bytes: [0] }, { kind: 'truncate-body', keep: 0 }] }],
];
const nextId = (): string => `fuzz-${++requestCounter}`;

async function check(handler: VerifierHandler, request: FuzzRequest, healthyDependencies = true): Promise<void> {
  const seen = await observe(fake, invokeDirect(handler, request, nextId()));
  const problems = [...universalViolations(request, seen, healthyDependencies), ...(healthyDependencies ? classViolations(request, seen) : [])];
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n  request: ${describeRequest(request)}`);
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  await fake.start();
  for (const target of FUZZ_TARGETS) {
    fake.secrets.set(secretIdOf(target), storedSecret(target));
    healthy.set(target.name, fuzzVerifier(fake, target));
  }
});

afterAll(async () => {
  await fake.stop();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  // THEN nothing escaped a handler as an unhandled rejection or exception during the whole run
  expect(unhandled.map(String)).toEqual([]);
});

describe(`verifier fuzzing (${Object.values(runs).reduce((a, b) => a + b, 0) + LIMIT_RUNS} cases)`, () => {
  it(
    `answers random unsigned requests with a 4xx, publishes nothing and logs no secret or body (${runs.random} cases)`,
    async () => {
      // GIVEN unsigned requests: random methods, paths, header names/case/values (the schemes' own
      // header names with plausible digests among them), bodies and base64 flags
      await fc.assert(
        fc.asyncProperty(randomRecipe('event'), async (recipe) => {
          // WHEN each is handled; THEN the universal properties hold and nothing is published
          await check(healthy.get(recipe.target)!, buildRandom(recipe));
        }),
        settings(runs.random),
      );
    },
    timeoutFor(runs.random, 20),
  );

  it(
    `keeps signed requests authentic only under neutral changes and never publishes a broken one (${runs.mutated} cases)`,
    async () => {
      // GIVEN requests signed by the vendors' libraries, then changed 0–3 times: neutral changes
      // (header case, extra headers, query), breaking ones (body bytes, dropped header, wrong
      // secret, stale timestamp, method) and ones of unknown effect (duplicated or padded headers,
      // invalid base64, content type)
      await fc.assert(
        fc.asyncProperty(signedRecipe('event'), async (recipe) => {
          await check(healthy.get(recipe.target)!, await buildSigned(recipe, 'event', SITE));
        }),
        settings(runs.mutated, FOUND),
      );
    },
    timeoutFor(runs.mutated, 30),
  );

  it(
    `accepts every authentic, well-formed request and publishes it exactly once (${runs.genuine} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(genuineRecipe('event'), async (recipe) => {
          const request = await buildSigned(recipe, 'event', SITE);
          expect(request.authenticity).toBe('genuine');
          await check(healthy.get(recipe.target)!, request);
        }),
        settings(runs.genuine),
      );
    },
    timeoutFor(runs.genuine, 30),
  );

  describe('dependency failures after verification', () => {
    type Failure = 'put-events-error' | 'put-events-failed-entry' | 'claim-check-upload' | 'secret-missing' | 'secret-store-down' | 'secret-invalid';
    const FAILURES: readonly Failure[] = ['put-events-error', 'put-events-failed-entry', 'claim-check-upload', 'secret-missing', 'secret-store-down', 'secret-invalid'];
    const broken = new Map<string, VerifierHandler>();
    let deadEndpoint = '';

    beforeAll(async () => {
      deadEndpoint = await closedEndpoint();
      for (const target of FUZZ_TARGETS) fake.secrets.set(`${secretIdOf(target)}/invalid`, target.scheme === 'standard' ? 'whsec_not*base64' : '[]');
    });

    function brokenVerifier(target: FuzzTarget, failure: Failure): VerifierHandler {
      const key = `${target.name}/${failure}`;
      let handler = broken.get(key);
      if (!handler) {
        const failing =
          failure === 'claim-check-upload'
            ? { s3Endpoint: deadEndpoint, claimCheckThreshold: 0 }
            : failure === 'secret-missing'
              ? { secretId: `${secretIdOf(target)}/deleted`, secretCacheSeconds: 0 }
              : failure === 'secret-store-down'
                ? { secretsEndpoint: deadEndpoint, secretCacheSeconds: 0 }
                : failure === 'secret-invalid'
                  ? { secretId: `${secretIdOf(target)}/invalid`, secretCacheSeconds: 0 }
                  : {};
        handler = fuzzVerifier(fake, target, { ...failing, maxAttempts: 1 });
        broken.set(key, handler);
      }
      return handler;
    }

    it(
      `answers 503 (never 2xx, never a catch-all 4xx) and publishes nothing when PutEvents, S3 or the secret store fail (${runs.failures} cases)`,
      async () => {
        // GIVEN authentic, well-formed requests that a healthy verifier accepts (handshakes
        // excepted: they publish nothing), and one broken dependency each
        const recipes = genuineRecipe('event').filter((recipe) => !recipe.payload.handshake && recipe.payload.body.length > 0);
        await fc.assert(
          fc.asyncProperty(recipes, fc.constantFrom(...FAILURES), async (recipe, failure) => {
            const request = await buildSigned(recipe, 'event', SITE);
            expect(request.authenticity).toBe('genuine');
            const target = targetNamed(recipe.target);
            fake.putEventsMode = failure === 'put-events-error' ? 'service-error' : failure === 'put-events-failed-entry' ? 'reject-entry' : 'accept';
            try {
              // WHEN the request is handled
              const handler = brokenVerifier(target, failure);
              const seen = await observe(fake, invokeDirect(handler, request, nextId()));
              // THEN the vendor is told to retry: 503 with the dependency's code, nothing on the bus
              const expected = failure.startsWith('secret') ? ErrorCode.SecretUnavailable : ErrorCode.PublishFailed;
              const problems = universalViolations(request, seen, false);
              if (seen.answer?.status !== 503 || !seen.answer.body.includes(`"error":"${expected}"`)) {
                problems.push(`${failure}: answered ${seen.answer?.status} ${seen.answer?.body.slice(0, 200)} (expected 503 ${expected})`);
              }
              if (seen.events.length > 0) problems.push(`${failure}: an event reached the bus`);
              if (problems.length > 0) throw new Error(`${problems.join('; ')}\n  request: ${describeRequest(request)}`);
            } finally {
              fake.putEventsMode = 'accept';
            }
          }),
          settings(runs.failures),
        );
      },
      timeoutFor(runs.failures, 30),
    );
  });

  it(
    `answers 413 one byte over the default 1 MiB limit and claim-checks what fits (${LIMIT_RUNS} cases)`,
    async () => {
      // GIVEN a GitHub source with the production body limit (1 MiB) and bodies a few bytes either side of it
      const target = targetNamed('github');
      const atDefault = fuzzVerifier(fake, target, { bodyLimit: DEFAULT_BODY_LIMIT });
      const recipes = fc.record({
        size: fc.integer({ min: DEFAULT_BODY_LIMIT - 3, max: DEFAULT_BODY_LIMIT + 3 }),
        base64: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(recipes, async ({ size, base64 }) => {
          const body = sizedJson(size);
          const request = await buildSigned(
            { kind: 'signed', target: 'github', payload: { body, contentType: 'application/json', handshake: false, wellFormed: true }, id: 'limit', type: 'push', timestampOffset: 0, secretIndex: 0, svixHeaders: false, base64, mutations: [] },
            'event',
            SITE,
          );
          const seen = await observe(fake, invokeDirect(atDefault, request, nextId()));
          // THEN over the limit is 413 with nothing stored; at or under it the event is published,
          // its payload claim-checked (a 1 MiB body cannot fit a 1 MB entry inline)
          const problems = universalViolations(request, seen, true);
          const over = size > DEFAULT_BODY_LIMIT;
          if (over && (seen.answer?.status !== 413 || seen.events.length > 0)) problems.push(`size ${size}: answered ${seen.answer?.status} (expected 413)`);
          if (!over && (seen.answer?.status !== 202 || seen.events.length !== 1 || seen.objects !== 1)) {
            problems.push(`size ${size}: answered ${seen.answer?.status} with ${seen.events.length} events and ${seen.objects} objects (expected 202, 1, 1)`);
          }
          if (problems.length > 0) throw new Error(problems.join('; '));
        }),
        settings(LIMIT_RUNS),
      );
    },
    timeoutFor(LIMIT_RUNS, 500),
  );
});
