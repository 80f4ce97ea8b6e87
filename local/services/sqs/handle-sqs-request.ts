import { randomUUID } from 'node:crypto';

import { SQS_ERROR_NAMESPACE, SQS_JSON_CONTENT_TYPE, SQS_TARGET_PREFIX } from './constants.js';
import { InvalidActionError, MissingParameterError, SerializationError, SqsError } from './errors.js';
import { md5OfMessageAttributes } from './md5.js';
import type { SqsService } from './sqs-service.js';
import type { BatchEntryResult, MessageAttributeMap, ReceivedMessage, SendResult, StoredMoveTask } from './types.js';

/** A wire response: status, headers and a JSON body. */
export interface SqsWireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Per-request context the HTTP adapter passes. */
export interface SqsRequestContext {
  /** Access key id of the caller's SigV4 credential: SenderId of the messages it sends. */
  readonly accessKeyId?: string;
  /** Aborts a long poll when the client goes away. */
  readonly signal?: AbortSignal;
}

type Input = Record<string, unknown>;
type Operation = (service: SqsService, input: Input, context: SqsRequestContext) => unknown;

function required(input: Input, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value.length === 0) throw new MissingParameterError(name);
  return value;
}

function optionalNumber(input: Input, name: string): number | undefined {
  const value = input[name];
  return value === undefined || value === null ? undefined : (value as number);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function batchOutput<T>(results: BatchEntryResult<T>[], success: (id: string, value: T) => Record<string, unknown>): Record<string, unknown> {
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  for (const result of results) {
    if (result.ok) Successful.push(success(result.id, result.value));
    else Failed.push({ Id: result.id, SenderFault: result.senderFault, Code: result.code, Message: result.message });
  }
  return { Successful, Failed };
}

function sendOutput(result: SendResult): Record<string, unknown> {
  return {
    MD5OfMessageBody: result.md5OfMessageBody,
    ...(result.md5OfMessageAttributes ? { MD5OfMessageAttributes: result.md5OfMessageAttributes } : {}),
    ...(result.md5OfMessageSystemAttributes ? { MD5OfMessageSystemAttributes: result.md5OfMessageSystemAttributes } : {}),
    MessageId: result.messageId,
  };
}

/** Message attributes selected by MessageAttributeNames (`All`, `.*`, `prefix.*` or names). */
function selectMessageAttributes(attributes: MessageAttributeMap | undefined, names: string[]): MessageAttributeMap | undefined {
  if (!attributes || names.length === 0) return undefined;
  const selected: Record<string, MessageAttributeMap[string]> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const wanted = names.some((pattern) =>
      pattern === 'All' || pattern === '.*' || (pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
    if (wanted) selected[name] = value;
  }
  return Object.keys(selected).length > 0 ? selected : undefined;
}

function receiveOutput(message: ReceivedMessage, systemNames: string[], attributeNames: string[]): Record<string, unknown> {
  const all = systemNames.includes('All');
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.attributes)) {
    if (all || systemNames.includes(name)) attributes[name] = value;
  }
  const messageAttributes = selectMessageAttributes(message.messageAttributes, attributeNames);
  return {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(messageAttributes ? { MD5OfMessageAttributes: md5OfMessageAttributes(messageAttributes), MessageAttributes: messageAttributes } : {}),
  };
}

function taskOutput(task: StoredMoveTask): Record<string, unknown> {
  return {
    TaskHandle: task.taskHandle,
    Status: task.status,
    SourceArn: task.sourceArn,
    ...(task.destinationArn !== undefined ? { DestinationArn: task.destinationArn } : {}),
    ...(task.maxNumberOfMessagesPerSecond !== undefined ? { MaxNumberOfMessagesPerSecond: task.maxNumberOfMessagesPerSecond } : {}),
    ApproximateNumberOfMessagesMoved: task.approximateNumberOfMessagesMoved,
    ApproximateNumberOfMessagesToMove: task.approximateNumberOfMessagesToMove,
    ...(task.failureReason !== undefined ? { FailureReason: task.failureReason } : {}),
    StartedTimestamp: task.startedTimestamp,
  };
}

function sendOptions(entry: Input, context: SqsRequestContext): Record<string, unknown> {
  return {
    delaySeconds: optionalNumber(entry, 'DelaySeconds'),
    messageAttributes: entry.MessageAttributes as MessageAttributeMap | undefined,
    messageSystemAttributes: entry.MessageSystemAttributes as MessageAttributeMap | undefined,
    senderId: context.accessKeyId,
  };
}

/**
 * The operations the emulator serves, by `X-Amz-Target` suffix. Inputs and outputs use the member
 * names of the SQS JSON API reference.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html
 */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateQueue: (sqs, input) => ({
    QueueUrl: sqs.createQueue(required(input, 'QueueName'), (input.Attributes ?? {}) as Input, (input.tags ?? {}) as Record<string, string>).url,
  }),
  GetQueueUrl: (sqs, input) => ({ QueueUrl: sqs.getQueueUrl(required(input, 'QueueName')) }),
  ListQueues: (sqs, input) => {
    const page = sqs.listQueues((input.QueueNamePrefix as string | undefined) ?? '', optionalNumber(input, 'MaxResults'), input.NextToken as string | undefined);
    return { ...(page.urls.length > 0 ? { QueueUrls: page.urls } : {}), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  },
  ListDeadLetterSourceQueues: (sqs, input) => {
    const target = sqs.queueRef(required(input, 'QueueUrl'));
    const urls = sqs.listQueues().urls.filter((url) => {
      const policy = sqs.getQueueAttributes(url, ['RedrivePolicy']).RedrivePolicy;
      return policy !== undefined && (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn === target.arn;
    });
    return { queueUrls: urls };
  },
  DeleteQueue: (sqs, input) => {
    sqs.deleteQueue(required(input, 'QueueUrl'));
    return {};
  },
  GetQueueAttributes: (sqs, input) => {
    const names = stringList(input.AttributeNames);
    const attributes = sqs.getQueueAttributes(required(input, 'QueueUrl'), names);
    return names.length > 0 && Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
  },
  SetQueueAttributes: (sqs, input) => {
    sqs.setQueueAttributes(required(input, 'QueueUrl'), (input.Attributes ?? {}) as Input);
    return {};
  },
  PurgeQueue: (sqs, input) => {
    sqs.purgeQueue(required(input, 'QueueUrl'));
    return {};
  },
  SendMessage: (sqs, input, context) => {
    const queueUrl = required(input, 'QueueUrl');
    if (input.MessageBody === undefined) throw new MissingParameterError('MessageBody');
    return sendOutput(sqs.sendMessage(queueUrl, input.MessageBody, sendOptions(input, context)));
  },
  SendMessageBatch: (sqs, input, context) => {
    const entries = ((input.Entries ?? []) as Input[]).map((entry) => ({ Id: entry.Id as string, body: entry.MessageBody, ...sendOptions(entry, context) }));
    const results = sqs.sendMessageBatch(required(input, 'QueueUrl'), entries);
    return batchOutput(results, (id, value) => ({ Id: id, ...sendOutput(value) }));
  },
  ReceiveMessage: async (sqs, input, context) => {
    const messages = await sqs.receiveMessages(required(input, 'QueueUrl'), {
      maxNumberOfMessages: optionalNumber(input, 'MaxNumberOfMessages'),
      visibilityTimeout: optionalNumber(input, 'VisibilityTimeout'),
      waitTimeSeconds: optionalNumber(input, 'WaitTimeSeconds'),
      signal: context.signal,
    });
    const systemNames = [...stringList(input.AttributeNames), ...stringList(input.MessageSystemAttributeNames)];
    const attributeNames = stringList(input.MessageAttributeNames);
    return messages.length > 0 ? { Messages: messages.map((m) => receiveOutput(m, systemNames, attributeNames)) } : {};
  },
  DeleteMessage: (sqs, input) => {
    sqs.deleteMessage(required(input, 'QueueUrl'), required(input, 'ReceiptHandle'));
    return {};
  },
  DeleteMessageBatch: (sqs, input) => {
    const entries = ((input.Entries ?? []) as Input[]).map((entry) => ({ Id: entry.Id as string, receiptHandle: entry.ReceiptHandle }));
    return batchOutput(sqs.deleteMessageBatch(required(input, 'QueueUrl'), entries), (id) => ({ Id: id }));
  },
  ChangeMessageVisibility: (sqs, input) => {
    if (input.VisibilityTimeout === undefined) throw new MissingParameterError('VisibilityTimeout');
    sqs.changeMessageVisibility(required(input, 'QueueUrl'), required(input, 'ReceiptHandle'), input.VisibilityTimeout);
    return {};
  },
  ChangeMessageVisibilityBatch: (sqs, input) => {
    const entries = ((input.Entries ?? []) as Input[]).map((entry) => ({ Id: entry.Id as string, receiptHandle: entry.ReceiptHandle, visibilityTimeout: entry.VisibilityTimeout ?? 0 }));
    return batchOutput(sqs.changeMessageVisibilityBatch(required(input, 'QueueUrl'), entries), (id) => ({ Id: id }));
  },
  StartMessageMoveTask: (sqs, input) => ({
    TaskHandle: sqs.startMessageMoveTask({
      sourceArn: required(input, 'SourceArn'),
      destinationArn: input.DestinationArn as string | undefined,
      maxNumberOfMessagesPerSecond: optionalNumber(input, 'MaxNumberOfMessagesPerSecond'),
    }),
  }),
  ListMessageMoveTasks: (sqs, input) => ({
    Results: sqs.listMessageMoveTasks(required(input, 'SourceArn'), optionalNumber(input, 'MaxResults')).map(taskOutput),
  }),
  CancelMessageMoveTask: (sqs, input) => ({ ApproximateNumberOfMessagesMoved: sqs.cancelMessageMoveTask(required(input, 'TaskHandle')) }),
};

/** Names of the operations the emulator serves. */
export const SQS_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

/** Serialises an error as awsJson1_0 with the query-compatibility header the SDK maps codes from. */
export function sqsErrorResponse(error: unknown, requestId: string = randomUUID()): SqsWireResponse {
  const sqsError = error instanceof SqsError
    ? error
    : new SqsError('InternalError', 'InternalError', 500, error instanceof Error ? error.message : String(error));
  return {
    status: sqsError.status,
    headers: {
      'content-type': SQS_JSON_CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-query-error': `${sqsError.code};${sqsError.fault}`,
    },
    body: JSON.stringify({ __type: `${SQS_ERROR_NAMESPACE}#${sqsError.shape}`, message: sqsError.message }),
  };
}

/**
 * The awsJson1_0 wire of the emulator: `X-Amz-Target` value and parsed JSON body in, status,
 * headers and JSON body out. Never throws; errors become AWS-shaped error responses.
 */
export async function handleSqsRequest(
  service: SqsService,
  target: string | undefined,
  body: unknown,
  context: SqsRequestContext = {},
): Promise<SqsWireResponse> {
  const requestId = randomUUID();
  try {
    if (!target || !target.startsWith(SQS_TARGET_PREFIX)) {
      throw new InvalidActionError('The local SQS emulator speaks the awsJson1_0 protocol only (X-Amz-Target: AmazonSQS.<Operation>).');
    }
    const name = target.slice(SQS_TARGET_PREFIX.length);
    const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!operation) throw new InvalidActionError(`The action ${name} is not valid for this endpoint (not emulated locally).`);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SerializationError('The request body must be a JSON object.');
    const output = await operation(service, body as Input, context);
    return {
      status: 200,
      headers: { 'content-type': SQS_JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
      body: JSON.stringify(output),
    };
  } catch (error) {
    return sqsErrorResponse(error, requestId);
  }
}
