import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineConsumer } from '../../../../lambdas/consumers/kit/index.js';
import { makeEnvelope, makeLambdaContext, makeSqsEvent, makeSqsRecord } from '../../../helpers/consumers/events.js';

describe('correlation-id logging', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs `fn` and returns the JSON log lines Powertools wrote to stdout meanwhile. */
  const captureLogs = async (fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await fn();
    vi.restoreAllMocks();
    return lines
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('stamps every line the function logs with its own event correlation id, source and id, in parallel', async () => {
    // GIVEN a consumer that logs once per event, and two events processed in parallel
    const handler = defineConsumer(
      async (event, context) => {
        await new Promise((resolve) => setTimeout(resolve, event.id === 'first' ? 20 : 0));
        context.logger.info('handled', { seen: event.id });
      },
      { consumer: 'logging-test', idempotent: false, logger: new Logger({ serviceName: 'logging-test' }) },
    );
    const first = makeEnvelope({ id: 'first', correlationid: 'req-aaa' });
    const second = makeEnvelope({ id: 'second', correlationid: 'req-bbb' });

    // WHEN the batch is processed
    const logs = await captureLogs(() =>
      handler(makeSqsEvent(makeSqsRecord(first), makeSqsRecord(second)), makeLambdaContext()),
    );

    // THEN each line carries its own event's correlation id, not its neighbour's
    const handled = logs.filter((line) => line.message === 'handled');
    expect(handled).toHaveLength(2);
    for (const line of handled) {
      const expected = line.seen === 'first' ? 'req-aaa' : 'req-bbb';
      expect(line).toMatchObject({ correlation_id: expected, event_id: line.seen, event_source: 'webhooks.shopify' });
    }
  });
});
