import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../lambdas/verifier/config.js';
import { createVerifierHandler, type VerifierDependencies } from '../../../lambdas/verifier/handler.js';
import type { OutgoingEvent } from '../../../lambdas/verifier/outgoing-event.js';
import { githubScheme } from '../../../lambdas/verifier/schemes/github.js';
import { captureOutput } from '../../helpers/fuzz/captureOutput.js';
import { apiEvent } from '../../helpers/verifier/api-event.js';
import { RecordingMetrics } from '../../helpers/verifier/recording-metrics.js';

const body = '{"zen":"Design for failure."}';
const headers = githubScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: 0, id: 'delivery-7', type: 'ping', secret: 's' }).headers;

/** A handler over stub secrets and publisher, logging at INFO; returns what it published and how often the scheme derived a key. */
function handlerWith(secretValues: () => readonly string[]) {
  const published: OutgoingEvent[] = [];
  let derivations = 0;
  const deps: VerifierDependencies = {
    config: readConfig({ HOOKBRIDGE_SOURCE: 'gh', HOOKBRIDGE_SCHEME: 'github', HOOKBRIDGE_EVENT_BUS_NAME: 'bus', HOOKBRIDGE_SECRET_ID: 'id' }),
    scheme: { ...githubScheme, key: (secret) => (derivations++, githubScheme.key(secret)) },
    secrets: { values: async () => secretValues() },
    publisher: { publish: async (event) => (published.push(event), { entrySize: event.entrySize }) },
    logger: new Logger({ serviceName: 'verifier-test', logLevel: 'INFO' }),
    metrics: new RecordingMetrics(),
  };
  return { handler: createVerifierHandler(deps), published, derivations: () => derivations };
}

describe('verifier handler logging', () => {
  it('puts the correlation id and source on every line about a request, and on no later line', async () => {
    const values = ['s'];
    const { handler } = handlerWith(() => values);
    // WHEN one delivery is accepted and the next rejected
    const { lines } = await captureOutput(async () => {
      await handler(apiEvent({ body, headers, requestId: 'req-1' }));
      await handler(apiEvent({ body, requestId: 'req-2' }));
    });
    // THEN
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toMatchObject([
      { message: 'webhook accepted', correlation_id: 'req-1', source: 'gh', id: 'delivery-7', type: 'ping', bytes: Buffer.byteLength(body) },
      { message: 'webhook rejected', correlation_id: 'req-2', source: 'gh', code: 'signature_missing' },
    ]);
  });

  it('derives the HMAC keys again only when the secret values change', async () => {
    let values: readonly string[] = ['s'];
    const { handler, derivations } = handlerWith(() => values);
    await captureOutput(async () => {
      await handler(apiEvent({ body, headers }));
      await handler(apiEvent({ body, headers }));
      values = ['s2', 's'];
      await handler(apiEvent({ body, headers }));
    });
    expect(derivations()).toBe(1 + 2);
  });
});
