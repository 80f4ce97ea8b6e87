import { describe, expect, it } from 'vitest';
import { chunks, httpApiCharges, lambdaCharges, lambdaTracesPerSecond, readUnits, writeUnits, xrayCharges } from '../../../local/cost/index.js';

/*
 * The pricing pages' own worked examples, reproduced with the pages' own prices. The Lambda
 * examples are the page's examples 1 and 2 (x86 at $0.00001667 per GB-s, with the free tier):
 * https://aws.amazon.com/lambda/pricing/ (as archived with those prices).
 */
const PAGE_LAMBDA_RATES = { gbSecondUsd: 0.00001667, requestUsd: 0.2 / 1e6, freeRequests: 1_000_000, freeGbSeconds: 400_000 };
const cents = (usd: number): string => usd.toFixed(2);

describe('Lambda metering (aws.amazon.com/lambda/pricing examples)', () => {
  it('reproduces example 1: 512 MB, 3M invocations of 1 s → $18.34 + $0.40 = $18.74', () => {
    // WHEN
    const charges = lambdaCharges(3_000_000, 1000, 512, PAGE_LAMBDA_RATES);
    // THEN every intermediate figure of the page matches
    expect(charges.gbSeconds).toBe(1_500_000);
    expect(charges.billableGbSeconds).toBe(1_100_000);
    expect(cents(charges.computeUsd)).toBe('18.34');
    expect(charges.billableRequests).toBe(2_000_000);
    expect(cents(charges.requestUsd)).toBe('0.40');
    expect(cents(charges.computeUsd + charges.requestUsd)).toBe('18.74');
  });

  it('reproduces example 2: 128 MB, 30M invocations of 200 ms → $5.83 + $5.80 = $11.63', () => {
    const charges = lambdaCharges(30_000_000, 200, 128, PAGE_LAMBDA_RATES);
    expect(charges.gbSeconds).toBe(750_000);
    expect(charges.billableGbSeconds).toBe(350_000);
    expect(cents(charges.computeUsd)).toBe('5.83');
    expect(cents(charges.requestUsd)).toBe('5.80');
    expect(cents(charges.computeUsd + charges.requestUsd)).toBe('11.63');
  });

  it('rounds each invocation up to the next millisecond', () => {
    expect(lambdaCharges(1000, 1.0001, 1024).gbSeconds).toBeCloseTo(2, 10);
  });
});

describe('64 KB chunks (EventBridge and SQS pricing pages)', () => {
  it('bills an event with a 256 KB payload as 4 events (aws.amazon.com/eventbridge/pricing)', () => {
    expect(chunks(256 * 1024)).toBe(4);
  });

  it('bills 64 KB as one chunk and one byte more as two, and an empty payload as one', () => {
    expect([chunks(64 * 1024), chunks(64 * 1024 + 1), chunks(0)]).toEqual([1, 2, 1]);
  });
});

describe('HTTP API metering (aws.amazon.com/api-gateway/pricing)', () => {
  it('charges $1.00 per million for the first 300 million requests and $0.90 beyond', () => {
    expect(cents(httpApiCharges(1_000_000, 2048).usd)).toBe('1.00');
    expect(cents(httpApiCharges(400_000_000, 2048).usd)).toBe(cents(300 + 90));
  });

  it('meters a request in 512 KB increments', () => {
    expect(httpApiCharges(1, 512 * 1024).billedRequests).toBe(1);
    expect(httpApiCharges(1, 512 * 1024 + 1).billedRequests).toBe(2);
  });
});

describe('DynamoDB request units (aws.amazon.com/dynamodb/pricing/on-demand)', () => {
  it('reads an 8 KB item with 2 units strongly consistent, 1 eventually consistent, 4 transactional', () => {
    expect([readUnits(8 * 1024, 'strong'), readUnits(8 * 1024, 'eventual'), readUnits(8 * 1024, 'transactional')]).toEqual([2, 1, 4]);
  });

  it('writes up to 1 KB per unit', () => {
    expect([writeUnits(400), writeUnits(1024), writeUnits(1025)]).toEqual([1, 1, 2]);
  });
});

describe('X-Ray metering (aws.amazon.com/xray/pricing example 1)', () => {
  it('reproduces the example: 2,000 requests an hour sampled at 10% over 31 days → 148,800 traces, 48,800 billed, $0.24', () => {
    // WHEN
    const recorded = 2000 * 24 * 31 * 0.1;
    const charges = xrayCharges(recorded, 100_000);
    // THEN
    expect(recorded).toBe(148_800);
    expect(charges.billableTraces).toBe(48_800);
    expect(cents(charges.usd)).toBe('0.24');
  });
});

describe("Lambda's X-Ray sampling (docs.aws.amazon.com/lambda/latest/dg/services-xray.html)", () => {
  it('records nearly every invocation of a function invoked far less than once a second', () => {
    expect(lambdaTracesPerSecond(0.001) / 0.001).toBeGreaterThan(0.999);
  });

  it('records one a second and 5% of the rest at high rates', () => {
    expect(lambdaTracesPerSecond(101)).toBeCloseTo(1 + 0.05 * 100, 9);
  });

  it('never records more than the invocations, nor fewer as they grow', () => {
    let previous = 0;
    for (const rate of [0, 0.01, 0.1, 0.386, 1, 2, 10, 100, 1000]) {
      const traces = lambdaTracesPerSecond(rate);
      expect(traces).toBeLessThanOrEqual(rate + 1e-12);
      expect(traces).toBeGreaterThanOrEqual(previous);
      previous = traces;
    }
  });
});
