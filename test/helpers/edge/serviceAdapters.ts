import { extractAccessKeyId, type ServiceHandler } from '../../../local/edge/index.js';
import type { EventBridgeService } from '../../../local/services/eventbridge/index.js';
import { handleSqsRequest, type SqsService } from '../../../local/services/sqs/index.js';

/** The edge's handler shape over the SQS emulator's wire function. */
export const sqsHandler = (sqs: SqsService): ServiceHandler => (request, body) => {
  const text = body.toString('utf8');
  return handleSqsRequest(sqs, request.headers['x-amz-target'] as string | undefined, text === '' ? {} : (JSON.parse(text) as unknown), {
    accessKeyId: extractAccessKeyId(request.headers, request.url),
  });
};

/** The edge's handler shape over the EventBridge emulator's wire method. */
export const eventsHandler = (events: EventBridgeService): ServiceHandler => (request, body) =>
  events.handle(String(request.headers['x-amz-target'] ?? ''), body.toString('utf8'));
