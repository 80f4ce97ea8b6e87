import { CHUNK_64K, HTTP_API_INCREMENT, HTTP_API_TIER_REQUESTS, LAMBDA_TRACE_FIXED_RATE, LAMBDA_TRACE_RESERVOIR_PER_SECOND, READ_UNIT_BYTES, WRITE_UNIT_BYTES } from './constants.js';
import { AWS_PRICES } from './prices.js';

/*
 * The metering rules of each service, as the pricing pages state them. Each is exported so the
 * pages' own worked examples can be reproduced against it (test/local/cost/meters.test.ts).
 */

/** Billed units of a payload metered in `chunk`-byte increments; an empty payload is one unit. */
export function chunks(bytes: number, chunk: number = CHUNK_64K): number {
  return Math.max(1, Math.ceil(bytes / chunk));
}

/** Lambda charges of one function for a month. */
export interface LambdaCharges {
  readonly gbSeconds: number;
  readonly billableGbSeconds: number;
  readonly billableRequests: number;
  readonly computeUsd: number;
  readonly requestUsd: number;
}

/** Prices and free tier a Lambda computation uses (the current arm64 list prices by default). */
export interface LambdaRates {
  readonly gbSecondUsd: number;
  readonly requestUsd: number;
  readonly freeRequests: number;
  readonly freeGbSeconds: number;
}

/** arm64 list prices, no free tier. */
export const ARM_RATES: LambdaRates = { gbSecondUsd: AWS_PRICES.lambdaArmGbSecond.usd, requestUsd: AWS_PRICES.lambdaRequest.usd, freeRequests: 0, freeGbSeconds: 0 };

/** x86_64 list prices, no free tier. */
export const X86_RATES: LambdaRates = { ...ARM_RATES, gbSecondUsd: AWS_PRICES.lambdaX86GbSecond.usd };

/**
 * Duration is billed per GB-second (memory in GB × seconds, rounded up to the millisecond);
 * requests per invocation; the free tier is subtracted from each.
 * @see https://aws.amazon.com/lambda/pricing/
 */
export function lambdaCharges(invocations: number, durationMs: number, memoryMb: number, rates: LambdaRates = ARM_RATES): LambdaCharges {
  const gbSeconds = invocations * (Math.ceil(durationMs) / 1000) * (memoryMb / 1024);
  const billableGbSeconds = Math.max(0, gbSeconds - rates.freeGbSeconds);
  const billableRequests = Math.max(0, invocations - rates.freeRequests);
  return {
    gbSeconds,
    billableGbSeconds,
    billableRequests,
    computeUsd: billableGbSeconds * rates.gbSecondUsd,
    requestUsd: billableRequests * rates.requestUsd,
  };
}

/** HTTP API requests: each 512 KB of a request is one request; $1.00/M up to 300M a month, $0.90/M beyond. */
export function httpApiCharges(requests: number, bytesPerRequest: number): { billedRequests: number; usd: number } {
  const billedRequests = requests * chunks(bytesPerRequest, HTTP_API_INCREMENT);
  const low = Math.min(billedRequests, HTTP_API_TIER_REQUESTS);
  const high = billedRequests - low;
  return { billedRequests, usd: low * AWS_PRICES.httpApiRequest.usd + high * AWS_PRICES.httpApiRequestOver300M.usd };
}

/** DynamoDB write request units of one standard write of an item (1 KB per unit; transactional doubles). */
export function writeUnits(itemBytes: number, transactional = false): number {
  return chunks(itemBytes, WRITE_UNIT_BYTES) * (transactional ? 2 : 1);
}

/** DynamoDB read request units of one read (4 KB per unit; eventually consistent halves, transactional doubles). */
export function readUnits(itemBytes: number, consistency: 'strong' | 'eventual' | 'transactional' = 'strong'): number {
  const units = chunks(itemBytes, READ_UNIT_BYTES);
  return consistency === 'eventual' ? units / 2 : consistency === 'transactional' ? units * 2 : units;
}

/**
 * Traces per second Lambda records for one function with active tracing, invoked `rate` times a
 * second on average at random (Poisson) moments: the first invocation of each second and 5% of the
 * others. The first of a second exists with probability 1 − e^(−rate); the others average
 * rate − (1 − e^(−rate)). At 0.4 invocations/s that is 84% of them, at 100/s 6%.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
 */
export function lambdaTracesPerSecond(rate: number): number {
  if (rate <= 0) return 0;
  const first = LAMBDA_TRACE_RESERVOIR_PER_SECOND * (1 - Math.exp(-rate / LAMBDA_TRACE_RESERVOIR_PER_SECOND));
  return first + LAMBDA_TRACE_FIXED_RATE * (rate - first);
}

/** X-Ray traces recorded in a month: billed beyond the free traces at the recorded-trace price. */
export function xrayCharges(traces: number, freeTraces = 0): { billableTraces: number; usd: number } {
  const billableTraces = Math.max(0, traces - freeTraces);
  return { billableTraces, usd: billableTraces * AWS_PRICES.xrayTraceRecorded.usd };
}
