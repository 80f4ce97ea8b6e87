import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARM_RATES, computeCost, computeGatewayOnly, CostInputError, effectiveBatch, type CostInput } from '../../../local/cost/index.js';

const line = (input: CostInput, item: string) => computeCost(input).lines.find((l) => l.item.startsWith(item));

describe('computeCost', () => {
  it('bills the default stack (1M webhooks, 5 consumers + audit, 2 KiB) line by line', () => {
    // WHEN
    const report = computeCost({ events: 1_000_000 });
    // THEN the lines follow the metering rules with the table's prices
    expect(line({ events: 1_000_000 }, 'HTTP API')?.monthlyUsd).toBeCloseTo(1, 10);
    expect(line({ events: 1_000_000 }, 'custom events')?.quantity).toBe(1_000_000);
    // 6 queues × (send + receive + delete) with one record per batch at 0.39 webhooks/s and no window
    expect(line({ events: 1_000_000 }, 'send (EventBridge target)')?.quantity).toBe(18_000_000);
    // 5 consumers × (conditional put + update) + the audit put
    expect(line({ events: 1_000_000 }, 'idempotency: conditional put')?.quantity).toBe(10_000_000);
    expect(line({ events: 1_000_000 }, 'audit: one conditional put')?.quantity).toBe(1_000_000);
    expect(report.perMillionUsd).toBeCloseTo(report.monthlyUsd, 10);
    expect(report.monthlyUsd).toBeCloseTo(report.lines.reduce((a, l) => a + l.monthlyUsd, 0), 10);
    expect(report.marginalPerMillionUsd).toBeLessThan(report.perMillionUsd);
  });

  it('claim-checks a payload that cannot fit one entry and bills S3 for it', () => {
    const report = computeCost({ events: 1000, avgBytes: 1_048_576 });
    expect(report.lines.map((l) => l.service)).toContain('S3');
    expect(computeCost({ events: 1000 }).lines.map((l) => l.service)).not.toContain('S3');
  });

  it('makes a function URL cost nothing beyond the invocation', () => {
    expect(line({ events: 1_000_000, ingress: 'function-url' }, 'function URL')?.monthlyUsd).toBe(0);
  });

  it('counts records per batch from the rate and the batching window, capped by the batch size', () => {
    expect(effectiveBatch(1_000_000, 10, 0)).toBe(1);
    expect(effectiveBatch(2_592_000, 10, 5)).toBe(5);
    expect(effectiveBatch(2_592_000_000, 10, 5)).toBe(10);
  });

  it('fails if a setting is negative or the batch size is out of range', () => {
    expect(() => computeCost({ events: -1 })).toThrow(new CostInputError('events must be a finite number ≥ 0 (given -1)'));
    expect(() => computeCost({ events: 1, batchSize: 0 })).toThrow('batchSize must be an integer between 1 and 10000 (given 0)');
  });

  it('prices the like-for-like Hookdeck subset without consumers, archive or audit', () => {
    const gateway = computeGatewayOnly({ events: 1_000_000 });
    expect(gateway.lines.map((l) => l.service)).not.toContain('DynamoDB');
    expect(gateway.lines.filter((l) => l.service === 'SQS')).toHaveLength(1);
    expect(gateway.monthlyUsd).toBeLessThan(computeCost({ events: 1_000_000 }).monthlyUsd);
  });
});

describe('computeCost monotonicity', () => {
  const settings = fc.record({
    events: fc.integer({ min: 0, max: 5_000_000_000 }),
    consumers: fc.integer({ min: 0, max: 50 }),
    avgBytes: fc.integer({ min: 0, max: 4_194_304 }),
    batchSize: fc.integer({ min: 1, max: 10_000 }),
    batchingWindowSeconds: fc.integer({ min: 0, max: 300 }),
    ingress: fc.constantFrom('http-api' as const, 'function-url' as const),
    idempotency: fc.constantFrom('dynamodb' as const, 'none' as const),
    logLevel: fc.constantFrom('DEBUG' as const, 'INFO' as const, 'WARN' as const, 'ERROR' as const),
  });
  const monthly = (input: CostInput): number => computeCost(input).monthlyUsd;

  it('never bills less for more webhooks, more consumers or bigger payloads (on the same side of the claim check)', () => {
    // Crossing into the claim check may lower the bill (the entry shrinks to a reference), which
    // is why the Publisher offers a threshold; within one side, more bytes never cost less.
    const inlineLimit = 1_000_000 - 600;
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 1_000_000 }), (input, more) => {
        expect(monthly({ ...input, events: input.events + more })).toBeGreaterThanOrEqual(monthly(input) - 1e-9);
        expect(monthly({ ...input, consumers: input.consumers + 1 })).toBeGreaterThanOrEqual(monthly(input) - 1e-9);
        const bigger = input.avgBytes + more;
        if (input.avgBytes > inlineLimit || bigger <= inlineLimit) {
          expect(monthly({ ...input, avgBytes: bigger })).toBeGreaterThanOrEqual(monthly(input) - 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never bills more for a quieter log level, no idempotency store or a function URL', () => {
    fc.assert(
      fc.property(settings, (input) => {
        expect(monthly({ ...input, logLevel: 'ERROR' })).toBeLessThanOrEqual(monthly(input) + 1e-9);
        expect(monthly({ ...input, idempotency: 'none' })).toBeLessThanOrEqual(monthly(input) + 1e-9);
        expect(monthly({ ...input, ingress: 'function-url' })).toBeLessThanOrEqual(monthly(input) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('never bills more for a bigger batch or a longer batching window, but for SQS payload chunks rounding up once per receive', () => {
    // SQS bills each 64 KB chunk of a request's payload, rounded up per request: a receive of 14
    // messages of 137 KB is ceil(1918/64) = 30 chunks where two receives of 7 are 2 × 15 = 30, but
    // 9 messages (21 chunks) can cost more than 7 + 2 (15 + 5). So a bigger batch (or a longer window, which fills batches further) may add at most
    // one chunk per receive of the smaller batch on the SQS request line, and 1 ms of duration per
    // invocation; nothing else may grow.
    const sqsRequests = (lines: readonly { service: string; item: string; quantity: number }[]): number =>
      lines.filter((l) => l.service === 'SQS' && l.item.startsWith('send')).reduce((sum, l) => sum + l.quantity, 0);
    const invocations = (lines: readonly { service: string; item: string; quantity: number }[]): number =>
      lines.filter((l) => l.service === 'Lambda' && l.item.startsWith('consumer invocations')).reduce((sum, l) => sum + l.quantity, 0);
    fc.assert(
      fc.property(settings, (input) => {
        const small = computeCost(input);
        const others = (report: typeof small): number =>
          report.lines.filter((l) => !(l.service === 'SQS' && l.item.startsWith('send'))).reduce((sum, l) => sum + l.monthlyUsd, 0);
        const bigger = [
          computeCost({ ...input, batchSize: Math.min(10_000, input.batchSize * 2) }),
          computeCost({ ...input, batchingWindowSeconds: Math.min(300, input.batchingWindowSeconds + 10) }),
        ];
        for (const big of bigger) {
          expect(sqsRequests(big.lines)).toBeLessThanOrEqual(sqsRequests(small.lines) + invocations(small.lines) + 1e-6);
          // Lambda rounds each invocation's duration up to the millisecond: a batch that fills further
          // may round up by at most 1 ms of the consumers' 256 MB per invocation of the smaller batch.
          const msRounding = invocations(small.lines) * 0.001 * (256 / 1024) * ARM_RATES.gbSecondUsd;
          expect(others(big)).toBeLessThanOrEqual(others(small) + msRounding + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bills the documented counterexample of chunk rounding: 9 messages of 137 KB in one receive', () => {
    const input = { events: 177_327, consumers: 0, avgBytes: 136_986, batchSize: 7, batchingWindowSeconds: 132, ingress: 'http-api', idempotency: 'dynamodb', logLevel: 'DEBUG' } as const;
    const small = computeCost(input);
    const big = computeCost({ ...input, batchSize: 14 });
    expect(big.monthlyUsd).toBeGreaterThan(small.monthlyUsd);
  });

  it('never costs less per webhook for the whole stack than for the Hookdeck-like subset', () => {
    fc.assert(
      fc.property(settings, (input) => {
        expect(computeGatewayOnly(input).monthlyUsd).toBeLessThanOrEqual(monthly(input) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
