import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LambdaRunner, clockOffsetFromNowOverride } from '../../../local/lambda/index.js';
import { bundleLikeNodejsFunction } from '../../helpers/lambda/bundleLikeNodejsFunction.js';
import { recordingSqsServer } from '../../helpers/lambda/recordingSqsServer.js';

let assetDir: string;
let server: Awaited<ReturnType<typeof recordingSqsServer>>;

beforeAll(async () => {
  assetDir = await bundleLikeNodejsFunction('sdkCaller');
  server = await recordingSqsServer();
});

afterAll(async () => {
  await server.close();
  rmSync(path.resolve(assetDir, '..', '..'), { recursive: true, force: true });
});

describe('an esbuild CommonJS bundle calling AWS through the SDK', () => {
  it('runs unchanged: the SDK reaches AWS_ENDPOINT_URL signed with the function key', async () => {
    // GIVEN a NodejsFunction-style bundle inside a "type": "module" app, outside this package
    const runner = new LambdaRunner(
      {
        functionName: 'sdk-caller',
        assetDir,
        handler: 'index.handler',
        region: 'eu-central-1',
        endpointUrl: server.url,
        credentials: { accessKeyId: 'LOCALSDKCALLER', secretAccessKey: 'dummy' },
        timeoutSeconds: 10,
      },
      { logSink: () => undefined },
    );

    // WHEN it is invoked
    const result = await runner.invoke({ queueName: 'orders' });
    await runner.shutdown();

    // THEN the unchanged SDK client used the endpoint, region and credentials of its environment
    expect(result).toMatchObject({ status: 'success', payload: { queueUrl: 'http://127.0.0.1/000000000000/orders', region: 'eu-central-1' } });
    const request = server.requests.at(-1);
    expect(request?.headers['x-amz-target']).toBe('AmazonSQS.GetQueueUrl');
    expect(request?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=LOCALSDKCALLER\/\d{8}\/eu-central-1\/sqs\/aws4_request/);
  });

  it('signs with the shifted clock under NOW_OVERRIDE', async () => {
    // GIVEN the same bundle with the clock at 2021-01-01
    const runner = new LambdaRunner(
      { functionName: 'sdk-caller', assetDir, handler: 'index.handler', endpointUrl: server.url, timeoutSeconds: 10 },
      { logSink: () => undefined, clockOffsetMs: clockOffsetFromNowOverride(1_609_459_200) },
    );

    // WHEN it calls SQS
    const result = await runner.invoke({ queueName: 'orders' });
    await runner.shutdown();

    // THEN the SigV4 date is the shifted one (the edge must tolerate this skew)
    expect(result.status).toBe('success');
    expect(server.requests.at(-1)?.headers['x-amz-date']).toMatch(/^20210101T0000/);
  });
});
