/**
 * State and mutation types of the SQS emulator. Everything here is plain JSON: a snapshot can be
 * written with `JSON.stringify` and read back, and replaying the mutation records in order onto an
 * empty (or snapshotted) state rebuilds the same state.
 */

/** A message attribute value as the JSON protocol carries it (`BinaryValue` is base64). */
export interface MessageAttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

/** Message attributes by name. */
export type MessageAttributeMap = Readonly<Record<string, MessageAttributeValue>>;

/** One stored message. Times are epoch milliseconds from the service clock. */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes?: MessageAttributeMap;
  readonly md5OfMessageAttributes?: string;
  readonly messageSystemAttributes?: MessageAttributeMap;
  readonly md5OfMessageSystemAttributes?: string;
  readonly senderId: string;
  /** Enqueue time; retention counts from it, also after a move to the DLQ. */
  readonly sentTimestamp: number;
  /** The message is visible when `visibleAt <= now` (covers delay and visibility timeout). */
  visibleAt: number;
  receiveCount: number;
  firstReceiveTimestamp?: number;
  /** Time of the latest receive (bounds ChangeMessageVisibility to 12 hours from it). */
  lastReceiveTimestamp?: number;
  /** Nonce of the latest receipt handle; older handles of this message are stale. */
  receiptNonce?: string;
  /** Name of the queue the message was in before the service moved it to a dead-letter queue. */
  deadLetterSourceQueue?: string;
  /** False until the first receive: delayed messages count as Delayed, not NotVisible. */
  inFlight: boolean;
}

/** Counters per queue for the runtime's status view. */
export interface QueueCounters {
  sent: number;
  received: number;
  deleted: number;
  movedToDeadLetterQueue: number;
  expired: number;
  purged: number;
}

/** One queue. */
export interface StoredQueue {
  readonly name: string;
  /** CreatedTimestamp, epoch milliseconds. */
  readonly createdAt: number;
  lastModifiedAt: number;
  /** Settable attributes as AWS reports them (strings), without computed ones. */
  attributes: Record<string, string>;
  tags: Record<string, string>;
  /** Messages in enqueue order. */
  messages: StoredMessage[];
  lastPurgeAt?: number;
  counters: QueueCounters;
}

/** Status of a message move task. */
export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

/** A StartMessageMoveTask task. */
export interface StoredMoveTask {
  readonly taskHandle: string;
  readonly sourceArn: string;
  readonly destinationArn?: string;
  readonly maxNumberOfMessagesPerSecond?: number;
  readonly startedTimestamp: number;
  readonly approximateNumberOfMessagesToMove: number;
  approximateNumberOfMessagesMoved: number;
  status: MoveTaskStatus;
  failureReason?: string;
}

/** The whole state of one emulator instance. */
export interface SqsSnapshot {
  readonly version: 1;
  readonly queues: StoredQueue[];
  readonly moveTasks: StoredMoveTask[];
}

/**
 * One state change. The service emits it after applying it; applying the same records in the same
 * order to the state they started from gives the same state (records carry every generated id,
 * handle and timestamp, so nothing is re-generated on replay).
 */
export type SqsMutation =
  | { readonly type: 'createQueue'; readonly name: string; readonly attributes: Record<string, string>; readonly tags: Record<string, string>; readonly at: number }
  | { readonly type: 'setQueueAttributes'; readonly queue: string; readonly attributes: Record<string, string>; readonly removed: readonly string[]; readonly at: number }
  | { readonly type: 'deleteQueue'; readonly queue: string }
  | { readonly type: 'sendMessage'; readonly queue: string; readonly message: StoredMessage }
  | { readonly type: 'receiveMessage'; readonly queue: string; readonly messageId: string; readonly receiptNonce: string; readonly at: number; readonly visibleAt: number }
  | { readonly type: 'changeMessageVisibility'; readonly queue: string; readonly messageId: string; readonly visibleAt: number }
  | { readonly type: 'deleteMessage'; readonly queue: string; readonly messageId: string; readonly reason: 'deleted' | 'expired' }
  | { readonly type: 'moveToDeadLetterQueue'; readonly queue: string; readonly messageId: string; readonly deadLetterQueue: string; readonly at: number }
  | { readonly type: 'redriveMessage'; readonly queue: string; readonly messageId: string; readonly taskHandle: string; readonly destination: string; readonly message: StoredMessage }
  | { readonly type: 'purgeQueue'; readonly queue: string; readonly at: number }
  | { readonly type: 'startMoveTask'; readonly task: StoredMoveTask }
  | { readonly type: 'finishMoveTask'; readonly taskHandle: string; readonly status: MoveTaskStatus; readonly failureReason?: string };

/** A received message as the service hands it out, with every system attribute. */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes?: MessageAttributeMap;
  /** ApproximateReceiveCount, SentTimestamp, ApproximateFirstReceiveTimestamp, SenderId, AWSTraceHeader. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Queue ARN, for building Lambda SQS event records. */
  readonly eventSourceArn: string;
}

/** Result of sending one message. */
export interface SendResult {
  readonly messageId: string;
  readonly md5OfMessageBody: string;
  readonly md5OfMessageAttributes?: string;
  readonly md5OfMessageSystemAttributes?: string;
}

/** Options of sending one message. */
export interface SendOptions {
  readonly delaySeconds?: number;
  readonly messageAttributes?: MessageAttributeMap;
  readonly messageSystemAttributes?: MessageAttributeMap;
  /** SenderId attribute; defaults to the service's sender id. */
  readonly senderId?: string;
}

/** Options of one receive. */
export interface ReceiveOptions {
  /** 1 to 10, default 1. */
  readonly maxNumberOfMessages?: number;
  /** Seconds; default the queue's VisibilityTimeout. */
  readonly visibilityTimeout?: number;
  /** Seconds to long-poll; default the queue's ReceiveMessageWaitTimeSeconds. */
  readonly waitTimeSeconds?: number;
  /** Ends a long poll early (e.g. the HTTP client went away). */
  readonly signal?: AbortSignal;
}

/** Queue identity returned by createQueue. */
export interface QueueRef {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
}

/** Outcome of one batch entry. */
export type BatchEntryResult<T> =
  | { readonly id: string; readonly ok: true; readonly value: T }
  | { readonly id: string; readonly ok: false; readonly code: string; readonly message: string; readonly senderFault: boolean };

/** Parsed RedrivePolicy. */
export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** The clock the service reads; epoch milliseconds. */
export type Clock = () => number;
