import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifierHandler } from '../../lambdas/verifier/handler.js';
import { handler as notFound } from '../../lambdas/verifier/not-found.js';
import type { GatewayErrorReport } from '../../local/gateway/index.js';
import { buildRandom, buildSigned, type FuzzRequest } from '../helpers/fuzz/buildRequest.js';
import { classViolations, describeRequest, universalViolations } from '../helpers/fuzz/checks.js';
import { fuzzVerifier, secretIdOf } from '../helpers/fuzz/fuzzHarness.js';
import { observe, type Answer } from '../helpers/fuzz/observe.js';
import { genuineRecipe, randomRecipe, signedRecipe } from '../helpers/fuzz/recipes.js';
import { fuzzBudget, share, timeoutFor } from '../helpers/fuzz/runs.js';
import { FUZZ_TARGETS, storedSecret } from '../helpers/fuzz/targets.js';
import { send, startGateway, type StartedGateway } from '../helpers/gateway/gatewayHarness.js';
import { FakeAws } from '../helpers/verifier/fake-aws.js';

/*
 * The webhook route fuzzed end to end over real HTTP: the local gateway (API Gateway HTTP API
 * emulation) on 127.0.0.1:0 routes `/webhooks/{source}` to the verifier handler invoked in-process,
 * and `$default` to the not-found handler, as the deployed API does. `FUZZ_GATEWAY_RUNS` sets the
 * number of requests (default 300, or FUZZ_RUNS / 50 when larger).
 */

const budget = fuzzBudget();
const runs = {
  random: share(budget.gatewayRuns, 0.4),
  mutated: share(budget.gatewayRuns, 0.4),
  genuine: share(budget.gatewayRuns, 0.2),
};
const fake = new FakeAws();
const gatewayErrors: GatewayErrorReport[] = [];
let gateway: StartedGateway;
const settings = <T>(numRuns: number): fc.Parameters<T> => ({ numRuns, seed: budget.seed, verbose: 1 });

/** Node's own answer to a request whose header block exceeds its 16 KiB limit (API Gateway has a limit too). */
const HEADERS_TOO_LARGE = 431;

function sendThroughGateway(request: FuzzRequest): () => Promise<Answer> {
  // Repeated names (in any case) become repeated header lines; the gateway joins them as HTTP API does.
  // (A Map: header names such as `valueOf` or `__proto__` must stay plain names.)
  const grouped = new Map<string, string[]>();
  const firstName = new Map<string, string>();
  for (const [name, value] of request.headers) {
    const key = firstName.get(name.toLowerCase()) ?? name;
    firstName.set(name.toLowerCase(), key);
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  // Node's client frames a GET/DELETE/OPTIONS body only with an explicit content-length.
  if (request.body.length > 0) grouped.set('content-length', [String(request.body.length)]);
  const headers = Object.fromEntries(grouped);
  const path = request.rawQueryString ? `${request.rawPath}?${request.rawQueryString}` : request.rawPath;
  return async () => {
    const response = await send(gateway.url, { method: request.method, path, headers, body: request.body });
    return { status: response.status, contentType: response.headers['content-type'], body: response.body.toString('utf8') };
  };
}

async function check(request: FuzzRequest): Promise<void> {
  const errorsBefore = gatewayErrors.length;
  const seen = await observe(fake, sendThroughGateway(request));
  if (seen.answer?.status === HEADERS_TOO_LARGE && seen.events.length === 0) return;
  const problems = [...universalViolations(request, seen, true), ...classViolations(request, seen)];
  if (gatewayErrors.length > errorsBefore) problems.push(`the gateway reported a failed invocation: ${String((gatewayErrors.at(-1)!.error as Error)?.message)}`);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n  request: ${describeRequest(request)}`);
}

beforeAll(async () => {
  await fake.start();
  const handlers = new Map<string, VerifierHandler>();
  for (const target of FUZZ_TARGETS) {
    fake.secrets.set(secretIdOf(target), storedSecret(target));
    handlers.set(target.name, fuzzVerifier(fake, target));
  }
  gateway = await startGateway({
    routes: [
      ...FUZZ_TARGETS.map((target) => ({
        routeKey: `ANY /webhooks/${target.name}`,
        invoke: (event: unknown) => handlers.get(target.name)!(event as APIGatewayProxyEventV2),
      })),
      { routeKey: '$default', invoke: (event: unknown) => notFound(event as APIGatewayProxyEventV2) },
    ],
    onError: (report) => gatewayErrors.push(report),
  });
});

afterAll(async () => {
  await gateway?.close();
  await fake.stop();
});

describe(`webhook route fuzzing through the local gateway over HTTP (${runs.random + runs.mutated + runs.genuine} requests)`, () => {
  it(
    `answers unsigned requests to any method and path with a 4xx and publishes nothing (${runs.random} requests)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(randomRecipe('http'), async (recipe) => {
          await check(buildRandom(recipe));
        }),
        settings(runs.random),
      );
    },
    timeoutFor(runs.random, 50),
  );

  it(
    `publishes signed requests only while they stay authentic (${runs.mutated} requests)`,
    async () => {
      const site = { domainName: gateway.gateway.address!.domainName };
      await fc.assert(
        fc.asyncProperty(signedRecipe('http'), async (recipe) => {
          await check(await buildSigned(recipe, 'http', site));
        }),
        settings(runs.mutated),
      );
    },
    timeoutFor(runs.mutated, 50),
  );

  it(
    `accepts every authentic, well-formed request exactly once (${runs.genuine} requests)`,
    async () => {
      const site = { domainName: gateway.gateway.address!.domainName };
      await fc.assert(
        fc.asyncProperty(genuineRecipe('http'), async (recipe) => {
          const request = await buildSigned(recipe, 'http', site);
          expect(request.authenticity).toBe('genuine');
          await check(request);
        }),
        settings(runs.genuine),
      );
      // THEN no request made the gateway answer for a failed function
      expect(gatewayErrors).toEqual([]);
    },
    timeoutFor(runs.genuine, 50),
  );
});
