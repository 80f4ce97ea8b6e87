import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { handleSqsRequest } from '../../../../local/services/sqs/handle-sqs-request.js';
import { SqsService } from '../../../../local/services/sqs/sqs-service.js';
import { startSqsEmulator, type SqsEmulator } from '../../../helpers/sqs/start-sqs-emulator.js';

describe('SQS emulator: awsJson1_0 wire', () => {
  let sqs: SqsEmulator;

  beforeEach(async () => {
    sqs = await startSqsEmulator();
  });
  afterEach(async () => {
    await sqs.stop();
  });

  async function post(target: string | undefined, body: string): Promise<Response> {
    return fetch(`${sqs.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', ...(target ? { 'x-amz-target': target } : {}) },
      body,
    });
  }

  test('an error carries __type, message, the x-amzn-query-error header and the modelled status', async () => {
    // WHEN
    const response = await post('AmazonSQS.GetQueueUrl', JSON.stringify({ QueueName: 'missing' }));
    // THEN
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });
  });

  test('fails if the target names no SQS operation (InvalidAction)', async () => {
    const response = await post('AmazonSQS.Frobnicate', '{}');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('InvalidAction;Sender');
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/Frobnicate is not valid/) });
  });

  test('fails if the request uses the query protocol (no X-Amz-Target)', async () => {
    const response = await post(undefined, 'Action=ListQueues&Version=2012-11-05');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/awsJson1_0 protocol only/) });
  });

  test('fails if the body is not JSON (SerializationException)', async () => {
    const response = await post('AmazonSQS.ListQueues', '{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'com.amazonaws.sqs#SerializationException' });
  });

  test('fails if a required parameter is missing (MissingParameter)', async () => {
    const response = await post('AmazonSQS.SendMessage', JSON.stringify({ MessageBody: 'x' }));
    expect(response.headers.get('x-amzn-query-error')).toBe('MissingParameter;Sender');
    expect(await response.json()).toMatchObject({ message: 'The request must contain the parameter QueueUrl.' });
  });

  test('handleSqsRequest works without HTTP (what the edge calls)', async () => {
    const service = new SqsService({ baseUrl: 'http://localhost:4566/' });
    const created = await handleSqsRequest(service, 'AmazonSQS.CreateQueue', { QueueName: 'q' });
    expect(created).toMatchObject({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' } });
    expect(JSON.parse(created.body)).toEqual({ QueueUrl: 'http://localhost:4566/000000000000/q' });
    service.close();
  });
});
