import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callDownstream } from '../../../../lambdas/consumers/order-to-cash/downstream.js';
import { DownstreamError } from '../../../../lambdas/consumers/order-to-cash/errors.js';
import { startHttpServer } from '../../../helpers/consumers/listen.js';
import { startRecordingServer, type RecordingServer } from '../../../helpers/consumers/recordingServer.js';

describe('callDownstream', () => {
  let downstream: RecordingServer;
  const logger = new Logger({ serviceName: 'downstream-test', logLevel: 'SILENT' });
  const call = { consumer: 'crm-sync', idempotencyKey: 'webhooks.shopify#evt-1', payload: { email: 'a@b.example' } };

  beforeAll(async () => {
    downstream = await startRecordingServer();
  });
  afterAll(async () => {
    await downstream.close();
  });
  beforeEach(() => {
    downstream.requests.length = 0;
    downstream.status = 200;
  });

  it('POSTs the payload as JSON with an Idempotency-Key header and the consumer named', async () => {
    // WHEN a call is made to a configured endpoint
    const outcome = await callDownstream(call, { logger, url: `${downstream.url}/hooks/orders` });

    // THEN one request carries the key, the consumer and the payload
    expect(outcome).toEqual({ mode: 'http', status: 200 });
    expect(downstream.requests).toHaveLength(1);
    const [request] = downstream.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/orders' });
    expect(request!.headers['idempotency-key']).toBe('webhooks.shopify#evt-1');
    expect(request!.headers['x-hookbridge-consumer']).toBe('crm-sync');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({
      consumer: 'crm-sync',
      idempotencyKey: 'webhooks.shopify#evt-1',
      payload: { email: 'a@b.example' },
    });
  });

  it('fails if the downstream answers non-2xx, with the status', async () => {
    downstream.status = 503;
    const promise = callDownstream(call, { logger, url: downstream.url });
    await expect(promise).rejects.toThrow(new DownstreamError('crm-sync', 'crm-sync downstream answered 503', { status: 503 }));
    await expect(promise).rejects.toMatchObject({ name: 'DownstreamError', status: 503 });
  });

  it('fails if the downstream is unreachable', async () => {
    // GIVEN a port nothing listens on any more
    const gone = await startHttpServer(() => undefined);
    await gone.close();

    await expect(callDownstream(call, { logger, url: gone.url })).rejects.toThrow(/crm-sync downstream unreachable: /);
  });

  it('fails if the downstream does not answer within the timeout', async () => {
    // GIVEN a downstream that never answers
    const hanging = await startHttpServer(() => new Promise<void>(() => undefined));
    try {
      await expect(callDownstream(call, { logger, url: hanging.url, timeoutMs: 100 })).rejects.toThrow(
        /crm-sync downstream unreachable: .*(timeout|aborted)/i,
      );
    } finally {
      await hanging.close();
    }
  });

  it('only records the call when no URL is configured', async () => {
    const saved = process.env.HOOKBRIDGE_DOWNSTREAM_URL;
    delete process.env.HOOKBRIDGE_DOWNSTREAM_URL;
    try {
      expect(await callDownstream(call, { logger })).toEqual({ mode: 'recorded' });
      expect(downstream.requests).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.HOOKBRIDGE_DOWNSTREAM_URL = saved;
    }
  });
});
