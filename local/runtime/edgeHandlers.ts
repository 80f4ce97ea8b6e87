import { extractAccessKeyId, jsonErrorResponse, type ServiceHandler } from '../edge/index.js';
import type { EventBridgeService } from '../services/eventbridge/index.js';
import type { S3Service } from '../services/s3/index.js';
import type { SecretsService } from '../services/secrets/index.js';
import { handleSqsRequest, type SqsService } from '../services/sqs/index.js';

/**
 * The edge's handler over the SQS emulator's awsJson1_0 wire function; the caller's access key id
 * becomes the SenderId of what it sends. A body that is not JSON answers SerializationException.
 */
export const sqsEdgeHandler = (sqs: SqsService): ServiceHandler => async (request, body) => {
  const text = body.toString('utf8');
  let input: unknown;
  try {
    input = text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return jsonErrorResponse('sqs', 'SerializationException', 'The request body is not valid JSON.', 400);
  }
  return handleSqsRequest(sqs, request.headers['x-amz-target'] as string | undefined, input, {
    accessKeyId: extractAccessKeyId(request.headers, request.url),
  });
};

/** The edge's handler over the EventBridge emulator's AWS JSON 1.1 wire method. */
export const eventsEdgeHandler = (events: EventBridgeService): ServiceHandler => (request, body) =>
  events.handle(String(request.headers['x-amz-target'] ?? ''), body.toString('utf8'));

/** The edge's handler over the Secrets Manager emulator. */
export const secretsEdgeHandler = (secrets: SecretsService): ServiceHandler => (request, body) => secrets.handle(request, body);

/** The edge's handler over the S3 emulator (path-style). */
export const s3EdgeHandler = (s3: S3Service): ServiceHandler => (request, body) => s3.handle(request, body);
