import { describe, expect, it } from 'vitest';
import { withSettings, type ConsumerProfile, type CostInput } from '../../../local/cost/index.js';

const profile = (name: string, extra: Partial<ConsumerProfile> = {}): ConsumerProfile => ({
  name,
  batchSize: 10,
  batchingWindowSeconds: 0,
  memoryMb: 256,
  architecture: 'arm64',
  logLevel: 'INFO',
  idempotent: true,
  audit: false,
  tracing: true,
  ...extra,
});

/** What a stack reading gives: two order consumers and the audit log. */
const fromStack: CostInput = {
  events: 1_000_000,
  sources: 7,
  consumerProfiles: [profile('crm-sync'), profile('fraud-check', { batchSize: 5 }), profile('audit-log', { share: 1, audit: true, idempotent: false })],
};

describe('withSettings', () => {
  it('applies a uniform consumer setting to every consumer queue read from the stack', () => {
    // WHEN
    const changed = withSettings(fromStack, { batchSize: 100, batchingWindowSeconds: 30, logLevel: 'WARN', tracing: false });
    // THEN
    expect(changed.consumerProfiles?.map((p) => [p.name, p.batchSize, p.batchingWindowSeconds, p.logLevel, p.tracing])).toEqual([
      ['crm-sync', 100, 30, 'WARN', false],
      ['fraud-check', 100, 30, 'WARN', false],
      ['audit-log', 100, 30, 'WARN', false],
    ]);
    expect(changed.sources).toBe(7);
  });

  it('keeps the audit log off idempotency whatever the idempotency setting, and turns it off for all with none', () => {
    expect(withSettings(fromStack, { idempotency: 'dynamodb' }).consumerProfiles?.map((p) => p.idempotent)).toEqual([true, true, false]);
    expect(withSettings(fromStack, { idempotency: 'none' }).consumerProfiles?.map((p) => p.idempotent)).toEqual([false, false, false]);
  });

  it('drops the audit log with audit: false', () => {
    expect(withSettings(fromStack, { audit: false }).consumerProfiles?.map((p) => p.name)).toEqual(['crm-sync', 'fraud-check']);
  });

  it('replaces the queues read from the stack with alike ones when the consumer count is given', () => {
    const changed = withSettings(fromStack, { consumers: 3 });
    expect(changed.consumerProfiles).toBeUndefined();
    expect(changed).toMatchObject({ consumers: 3, sources: 7 });
  });

  it('leaves what it is not told unchanged, and a uniform input uniform', () => {
    expect(withSettings(fromStack, {})).toEqual(fromStack);
    expect(withSettings({ events: 5 }, { batchSize: 20, events: undefined })).toEqual({ events: 5, batchSize: 20 });
  });
});
