import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../../lambdas/consumers/kit/resolveSettings.js';
import { ConsumerConfigurationError } from '../../../../lambdas/consumers/kit/index.js';

const consumerEnv = {
  HOOKBRIDGE_CONSUMER: 'crm-sync',
  HOOKBRIDGE_IDEMPOTENCY_TABLE: 'hookbridge-idempotency',
};

describe('resolveSettings', () => {
  it('reads the consumer environment set by QueuedConsumer', () => {
    const settings = resolveSettings(
      {},
      {
        ...consumerEnv,
        HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS: '2764800',
        HOOKBRIDGE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/q',
        HOOKBRIDGE_BACKOFF_BASE_SECONDS: '5',
        HOOKBRIDGE_BACKOFF_MAX_SECONDS: '600',
        HOOKBRIDGE_CLAIM_CHECK_BUCKET: 'claims',
      },
    );
    expect(settings).toEqual({
      consumer: 'crm-sync',
      idempotent: true,
      idempotencyTable: 'hookbridge-idempotency',
      idempotencyTtlSeconds: 2_764_800,
      resolveDataRef: true,
      claimCheckBucket: 'claims',
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q',
      backoffBaseSeconds: 5,
      backoffMaxSeconds: 600,
    });
  });

  it('defaults to a 31-day record expiry, 2 s backoff base and 900 s cap', () => {
    const settings = resolveSettings({}, consumerEnv);
    expect(settings).toMatchObject({ idempotencyTtlSeconds: 2_678_400, backoffBaseSeconds: 2, backoffMaxSeconds: 900 });
    expect(settings.queueUrl).toBeUndefined();
  });

  it('lets options win over the environment', () => {
    expect(resolveSettings({ consumer: 'other', backoffMaxSeconds: 30 }, consumerEnv)).toMatchObject({
      consumer: 'other',
      backoffMaxSeconds: 30,
    });
  });

  it('fails if no consumer name is given', () => {
    expect(() => resolveSettings({}, { HOOKBRIDGE_IDEMPOTENCY_TABLE: 't' })).toThrow(
      new ConsumerConfigurationError('HOOKBRIDGE_CONSUMER', 'HOOKBRIDGE_CONSUMER must name the consumer (given nothing)'),
    );
  });

  it('fails if an idempotent consumer has no idempotency table', () => {
    expect(() => resolveSettings({}, { HOOKBRIDGE_CONSUMER: 'crm-sync' })).toThrow(
      /HOOKBRIDGE_IDEMPOTENCY_TABLE must name the idempotency table \(given nothing\)/,
    );
  });

  it('needs no table when idempotency is off', () => {
    expect(resolveSettings({ idempotent: false }, { HOOKBRIDGE_CONSUMER: 'audit-log' }).idempotent).toBe(false);
  });

  it('fails if the backoff cap is over the SQS limit of 43200 s', () => {
    expect(() => resolveSettings({}, { ...consumerEnv, HOOKBRIDGE_BACKOFF_MAX_SECONDS: '50000' })).toThrow(
      'HOOKBRIDGE_BACKOFF_MAX_SECONDS must be a number between 0 and 43200 (given 50000)',
    );
  });

  it('fails if the record expiry is not a number', () => {
    expect(() => resolveSettings({}, { ...consumerEnv, HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS: 'a month' })).toThrow(
      /HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS must be a number between 1 and \d+ \(given a month\)/,
    );
  });
});
