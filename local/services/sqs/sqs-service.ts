import { randomUUID } from 'node:crypto';

import { runBatch, validateBatchEntries } from './batch.js';
import {
  COMPUTED_QUEUE_ATTRIBUTES,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_BASE_URL,
  DEFAULT_REGION,
  FIFO_QUEUE_ATTRIBUTES,
  MAX_BATCH_PAYLOAD_BYTES,
  MAX_LIST_QUEUES_RESULTS,
  MAX_MESSAGES_PER_RECEIVE,
  MAX_VISIBILITY_TIMEOUT_SECONDS,
  MAX_WAIT_TIME_SECONDS,
  PURGE_INTERVAL_MS,
  QUEUE_ATTRIBUTE_DEFAULTS,
  QUEUE_NAME_PATTERN,
  SETTABLE_QUEUE_ATTRIBUTES,
} from './constants.js';
import {
  BatchRequestTooLongError,
  InvalidAttributeNameError,
  InvalidParameterValueError,
  MessageNotInflightError,
  PurgeQueueInProgressError,
  QueueDoesNotExistError,
  QueueNameExistsError,
  ReceiptHandleIsInvalidError,
  UnsupportedOperationError,
} from './errors.js';
import { integerIn } from './integer-in.js';
import { buildMessage, redrivenMessage, toReceivedMessage } from './message-factory.js';
import { messageSize } from './message-validation.js';
import { MessageWaiters } from './message-waiters.js';
import { MoveTaskRunner } from './move-task-runner.js';
import {
  effectiveAttribute,
  numericAttribute,
  parseRedrivePolicy,
  redriveAllowed,
  validateQueueAttributes,
} from './queue-attributes.js';
import { decodeReceiptHandle, encodeReceiptHandle } from './receipt-handle.js';
import { SqsState } from './sqs-state.js';
import type {
  BatchEntryResult,
  Clock,
  QueueCounters,
  QueueRef,
  ReceiveOptions,
  ReceivedMessage,
  SendOptions,
  SendResult,
  SqsMutation,
  SqsSnapshot,
  StoredMessage,
  StoredMoveTask,
  StoredQueue,
} from './types.js';

/** Options of {@link SqsService}. */
export interface SqsServiceOptions {
  /**
   * Scheme, host and port of queue URLs (the edge's address).
   * @default 'http://127.0.0.1:4566'
   */
  readonly baseUrl?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /**
   * Clock in epoch milliseconds; tests inject one to move visibility timeouts without sleeping.
   * @default Date.now
   */
  readonly now?: Clock;
  /**
   * SenderId of messages sent without one (the wire layer passes the caller's access key id).
   * @default the account id
   */
  readonly senderId?: string;
}

/** One entry of a SendMessageBatch. */
export interface SendBatchEntry extends SendOptions {
  readonly Id: string;
  readonly body: unknown;
}

/** One entry of a ChangeMessageVisibilityBatch. */
export interface VisibilityBatchEntry {
  readonly Id: string;
  readonly receiptHandle: unknown;
  readonly visibilityTimeout: unknown;
}

/** One entry of a DeleteMessageBatch. */
export interface DeleteBatchEntry {
  readonly Id: string;
  readonly receiptHandle: unknown;
}

/** Parameters of StartMessageMoveTask. */
export interface StartMoveTaskInput {
  readonly sourceArn: string;
  readonly destinationArn?: string;
  readonly maxNumberOfMessagesPerSecond?: number;
}

/**
 * An in-memory Amazon SQS (standard queues). The runtime calls its methods directly (EventBridge
 * targets send, Lambda pollers receive, delete and change visibility) and the edge reaches it over
 * the awsJson1_0 wire through {@link handleSqsRequest}. Every state change is one
 * {@link SqsMutation}, applied to {@link SqsState} and handed to `onMutation` listeners, so a
 * journal of those records plus `restore()` rebuilds the state; timers derive from stored
 * timestamps, never from pending `setTimeout`s.
 */
export class SqsService {
  /** ARN region. */
  public readonly region: string;
  /** ARN and URL account. */
  public readonly accountId: string;
  /** The clock the service reads. */
  public readonly now: Clock;

  private baseUrl: string;
  private readonly senderId: string;
  private readonly state = new SqsState();
  private readonly waiters = new MessageWaiters();
  private readonly listeners = new Set<(mutation: SqsMutation) => void>();
  private readonly moveTasks: MoveTaskRunner;
  private closed = false;

  public constructor(options: SqsServiceOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.region = options.region ?? DEFAULT_REGION;
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.now = options.now ?? Date.now;
    this.senderId = options.senderId ?? this.accountId;
    this.moveTasks = new MoveTaskRunner({
      state: this.state,
      now: () => this.now(),
      commit: (mutation) => this.commit(mutation),
      queueNameOf: (identifier) => this.queueNameOf(identifier),
      queueArn: (name) => this.queueArn(name),
      newMessageFor: (destination, message) => redrivenMessage(message, this.state.queue(destination), this.now()),
    });
  }

  // ---------------------------------------------------------------- identity

  /** Sets the scheme, host and port of queue URLs (the edge knows its port only after listen). */
  public setBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** `http://<host>:<port>/<account>/<name>`. */
  public queueUrl(name: string): string {
    return `${this.baseUrl}/${this.accountId}/${name}`;
  }

  /** `arn:aws:sqs:<region>:<account>:<name>`. */
  public queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  /** The queue name in a name, a queue URL in any form (last path segment) or a queue ARN. */
  public queueNameOf(identifier: string): string {
    if (identifier.startsWith('arn:')) return identifier.slice(identifier.lastIndexOf(':') + 1);
    const path = identifier.split(/[?#]/)[0];
    const segments = path.split('/').filter((segment) => segment.length > 0);
    return segments[segments.length - 1] ?? '';
  }

  /** Name, URL and ARN of an existing queue. */
  public queueRef(identifier: string): QueueRef {
    const queue = this.requireQueue(identifier);
    return { name: queue.name, url: this.queueUrl(queue.name), arn: this.queueArn(queue.name) };
  }

  // ---------------------------------------------------------------- queues

  /**
   * CreateQueue: idempotent when every attribute given equals the existing queue's value,
   * QueueNameExists otherwise.
   */
  public createQueue(name: string, attributes: Readonly<Record<string, unknown>> = {}, tags: Readonly<Record<string, string>> = {}): QueueRef {
    if (typeof name !== 'string' || !QUEUE_NAME_PATTERN.test(name)) {
      if (typeof name === 'string' && name.endsWith('.fifo')) throw new UnsupportedOperationError('FIFO queues are not emulated by the local runtime.');
      throw new InvalidParameterValueError('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    }
    const { set } = validateQueueAttributes(attributes);
    const existing = this.state.queue(name);
    if (existing) {
      for (const [attribute, value] of Object.entries(set)) {
        if (effectiveAttribute(existing.attributes, attribute) !== value) {
          throw new QueueNameExistsError(`A queue already exists with the same name and a different value for attribute ${attribute}`);
        }
      }
      return this.queueRef(name);
    }
    this.checkRedrive(name, set);
    this.commit({ type: 'createQueue', name, attributes: set, tags: { ...tags }, at: this.now() });
    return this.queueRef(name);
  }

  /** GetQueueUrl. */
  public getQueueUrl(name: string): string {
    return this.queueUrl(this.requireQueue(name).name);
  }

  /** ListQueues: queues whose name starts with `prefix`, in creation order, paginated. */
  public listQueues(prefix = '', maxResults?: number, nextToken?: string): { urls: string[]; nextToken?: string } {
    const limit = maxResults === undefined ? MAX_LIST_QUEUES_RESULTS : integerIn('MaxResults', maxResults, 1, MAX_LIST_QUEUES_RESULTS);
    const names = this.state.allQueues().map((q) => q.name).filter((n) => n.startsWith(prefix));
    let start = 0;
    if (nextToken) {
      const after = Buffer.from(nextToken, 'base64url').toString('utf8');
      start = names.indexOf(after) + 1;
      if (start === 0) throw new InvalidParameterValueError('Invalid NextToken value.');
    }
    const page = names.slice(start, start + limit);
    const more = maxResults !== undefined && start + limit < names.length;
    return {
      urls: page.map((n) => this.queueUrl(n)),
      nextToken: more ? Buffer.from(page[page.length - 1], 'utf8').toString('base64url') : undefined,
    };
  }

  /** DeleteQueue: the queue and its messages go at once (AWS takes up to 60 seconds). */
  public deleteQueue(identifier: string): void {
    const queue = this.requireQueue(identifier);
    this.commit({ type: 'deleteQueue', queue: queue.name });
    this.waiters.notify(queue.name);
  }

  /** GetQueueAttributes; `names` may hold `All`. Unknown names fail with InvalidAttributeName. */
  public getQueueAttributes(identifier: string, names: readonly string[] = ['All']): Record<string, string> {
    const queue = this.requireQueue(identifier);
    const all = names.includes('All');
    for (const name of names) {
      const known = name === 'All' || SETTABLE_QUEUE_ATTRIBUTES.has(name) || COMPUTED_QUEUE_ATTRIBUTES.includes(name) || FIFO_QUEUE_ATTRIBUTES.has(name);
      if (!known) throw new InvalidAttributeNameError(name);
    }
    this.sweepExpired(queue);
    const now = this.now();
    let visible = 0;
    let notVisible = 0;
    let delayed = 0;
    for (const message of queue.messages) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.inFlight) notVisible += 1;
      else delayed += 1;
    }
    const values: Record<string, string> = {
      ...QUEUE_ATTRIBUTE_DEFAULTS,
      ...queue.attributes,
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(notVisible),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
      LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
      QueueArn: this.queueArn(queue.name),
    };
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      if (all || names.includes(name)) result[name] = value;
    }
    return result;
  }

  /** SetQueueAttributes; an empty RedrivePolicy / RedriveAllowPolicy / Policy removes it. */
  public setQueueAttributes(identifier: string, attributes: Readonly<Record<string, unknown>>): void {
    const queue = this.requireQueue(identifier);
    const { set, removed } = validateQueueAttributes(attributes);
    this.checkRedrive(queue.name, set);
    this.commit({ type: 'setQueueAttributes', queue: queue.name, attributes: set, removed, at: this.now() });
    this.waiters.notify(queue.name);
  }

  /**
   * PurgeQueue: deletes every message, in flight or not. A second purge within 60 seconds fails
   * with PurgeQueueInProgress.
   *
   * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
   */
  public purgeQueue(identifier: string): void {
    const queue = this.requireQueue(identifier);
    const now = this.now();
    if (queue.lastPurgeAt !== undefined && now - queue.lastPurgeAt < PURGE_INTERVAL_MS) {
      throw new PurgeQueueInProgressError(this.queueUrl(queue.name));
    }
    this.commit({ type: 'purgeQueue', queue: queue.name, at: now });
  }

  // ---------------------------------------------------------------- messages

  /** SendMessage; also what EventBridge SQS targets call (with the queue's ARN). */
  public sendMessage(identifier: string, body: unknown, options: SendOptions = {}): SendResult {
    const queue = this.requireQueue(identifier);
    const message = buildMessage(queue, body, options, this.now(), this.senderId);
    this.commit({ type: 'sendMessage', queue: queue.name, message });
    return {
      messageId: message.messageId,
      md5OfMessageBody: message.md5OfBody,
      md5OfMessageAttributes: message.md5OfMessageAttributes,
      md5OfMessageSystemAttributes: message.md5OfMessageSystemAttributes,
    };
  }

  /**
   * SendMessageBatch: request-level errors throw; an entry that is invalid or larger than the
   * queue's MaximumMessageSize fails alone. The sum of all entries may not exceed 1 MiB.
   */
  public sendMessageBatch(identifier: string, entries: readonly SendBatchEntry[]): BatchEntryResult<SendResult>[] {
    const queue = this.requireQueue(identifier);
    validateBatchEntries(entries, 'SendMessageBatchRequestEntry');
    const total = entries.reduce((sum, e) => sum + (typeof e.body === 'string' ? messageSize(e.body, e.messageAttributes) : 0), 0);
    if (total > MAX_BATCH_PAYLOAD_BYTES) throw new BatchRequestTooLongError(MAX_BATCH_PAYLOAD_BYTES, total);
    return runBatch(entries, 'SendMessageBatchRequestEntry', (entry) => this.sendMessage(queue.name, entry.body, entry));
  }

  /**
   * ReceiveMessage with long polling: returns as soon as a message is visible, or after
   * `waitTimeSeconds` with none. A message already received `maxReceiveCount` times is moved to the
   * dead-letter queue instead of being returned ("when the ReceiveCount for a message exceeds the
   * maxReceiveCount for a queue, Amazon SQS moves the message to a dead-letter queue").
   *
   * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
   */
  public async receiveMessages(identifier: string, options: ReceiveOptions = {}): Promise<ReceivedMessage[]> {
    const queue = this.requireQueue(identifier);
    const max = options.maxNumberOfMessages === undefined ? 1 : integerIn('MaxNumberOfMessages', options.maxNumberOfMessages, 1, MAX_MESSAGES_PER_RECEIVE);
    const visibility = options.visibilityTimeout === undefined
      ? numericAttribute(queue.attributes, 'VisibilityTimeout')
      : integerIn('VisibilityTimeout', options.visibilityTimeout, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    const wait = options.waitTimeSeconds === undefined
      ? numericAttribute(queue.attributes, 'ReceiveMessageWaitTimeSeconds')
      : integerIn('WaitTimeSeconds', options.waitTimeSeconds, 0, MAX_WAIT_TIME_SECONDS);
    const deadline = Date.now() + wait * 1000;
    for (;;) {
      const received = this.receiveNow(queue.name, max, visibility);
      if (received.length > 0 || Date.now() >= deadline || options.signal?.aborted || this.closed) return received;
      await this.waiters.wait(queue.name, Math.min(deadline - Date.now(), this.msUntilNextVisible(queue.name)), options.signal);
    }
  }

  /**
   * Resolves `true` as soon as the queue has a visible message (at once if it has one now), or
   * `false` after `timeoutMs` or when `signal` aborts. For in-process pollers.
   */
  public async waitForMessages(identifier: string, options: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {}): Promise<boolean> {
    const name = this.queueNameOf(identifier);
    const deadline = Date.now() + (options.timeoutMs ?? MAX_WAIT_TIME_SECONDS * 1000);
    for (;;) {
      const queue = this.state.queue(name);
      if (!queue) return false;
      const now = this.now();
      if (queue.messages.some((m) => m.visibleAt <= now && !this.expired(queue, m, now))) return true;
      if (Date.now() >= deadline || options.signal?.aborted || this.closed) return false;
      await this.waiters.wait(name, Math.min(deadline - Date.now(), this.msUntilNextVisible(name)), options.signal);
    }
  }

  /** DeleteMessage. A handle of an earlier receive succeeds without deleting ("might not be deleted"). */
  public deleteMessage(identifier: string, receiptHandle: unknown): void {
    const queue = this.requireQueue(identifier);
    const parts = this.decodeHandle(queue, receiptHandle);
    const message = this.state.message(queue.name, parts.messageId);
    if (!message || message.receiptNonce !== parts.nonce) return;
    this.commit({ type: 'deleteMessage', queue: queue.name, messageId: message.messageId, reason: 'deleted' });
  }

  /** DeleteMessageBatch. */
  public deleteMessageBatch(identifier: string, entries: readonly DeleteBatchEntry[]): BatchEntryResult<null>[] {
    const queue = this.requireQueue(identifier);
    return runBatch(entries, 'DeleteMessageBatchRequestEntry', (entry) => {
      this.deleteMessage(queue.name, entry.receiptHandle);
      return null;
    });
  }

  /**
   * ChangeMessageVisibility: the new timeout counts from now, 0 makes the message visible at once.
   * Fails with MessageNotInflight when the message's visibility already expired, with
   * InvalidParameterValue when the handle's message was deleted or received again since, and when
   * the total visibility of this receive would pass 12 hours.
   */
  public changeMessageVisibility(identifier: string, receiptHandle: unknown, visibilityTimeout: unknown): void {
    const queue = this.requireQueue(identifier);
    const seconds = integerIn('VisibilityTimeout', visibilityTimeout, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    const parts = this.decodeHandle(queue, receiptHandle);
    const message = this.state.message(queue.name, parts.messageId);
    if (!message || message.receiptNonce !== parts.nonce) {
      throw new InvalidParameterValueError(`Value ${String(receiptHandle)} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`);
    }
    const now = this.now();
    if (message.visibleAt <= now) throw new MessageNotInflightError();
    const visibleAt = now + seconds * 1000;
    if (visibleAt - (message.lastReceiveTimestamp ?? now) > MAX_VISIBILITY_TIMEOUT_SECONDS * 1000) {
      throw new InvalidParameterValueError(`Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_TIMEOUT_SECONDS} seconds]`);
    }
    this.commit({ type: 'changeMessageVisibility', queue: queue.name, messageId: message.messageId, visibleAt });
  }

  /** ChangeMessageVisibilityBatch. */
  public changeMessageVisibilityBatch(identifier: string, entries: readonly VisibilityBatchEntry[]): BatchEntryResult<null>[] {
    const queue = this.requireQueue(identifier);
    return runBatch(entries, 'ChangeMessageVisibilityBatchRequestEntry', (entry) => {
      this.changeMessageVisibility(queue.name, entry.receiptHandle, entry.visibilityTimeout);
      return null;
    });
  }

  // ---------------------------------------------------------------- message move tasks

  /** StartMessageMoveTask; returns the TaskHandle. The move runs asynchronously. */
  public startMessageMoveTask(input: StartMoveTaskInput): string {
    return this.moveTasks.start(input);
  }

  /** ListMessageMoveTasks: the most recent tasks of a source queue, newest first. */
  public listMessageMoveTasks(sourceArn: string, maxResults?: number): StoredMoveTask[] {
    return this.moveTasks.list(sourceArn, maxResults);
  }

  /** CancelMessageMoveTask; returns ApproximateNumberOfMessagesMoved. */
  public cancelMessageMoveTask(taskHandle: string): number {
    return this.moveTasks.cancel(taskHandle);
  }

  // ---------------------------------------------------------------- runtime view and persistence

  /** Counters of one queue (sent, received, deleted, moved to the DLQ, expired, purged). */
  public counters(identifier: string): QueueCounters {
    return { ...this.requireQueue(identifier).counters };
  }

  /** Registers a listener called with every mutation after it is applied; returns an unsubscribe. */
  public onMutation(listener: (mutation: SqsMutation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The whole state as plain JSON. */
  public snapshot(): SqsSnapshot {
    return this.state.snapshot();
  }

  /** Replaces the state with a snapshot and resumes its running move tasks. */
  public restore(snapshot: SqsSnapshot): void {
    this.state.restore(snapshot);
    this.moveTasks.resumeAll();
    this.waiters.notifyAll();
  }

  /** Applies journaled mutations in order (no listeners called), then resumes running move tasks. */
  public replay(mutations: Iterable<SqsMutation>): void {
    for (const mutation of mutations) this.state.apply(mutation);
    this.moveTasks.resumeAll();
    this.waiters.notifyAll();
  }

  /** Stops move tasks and ends pending long polls. */
  public close(): void {
    this.closed = true;
    this.moveTasks.stopAll();
    this.waiters.notifyAll();
  }

  // ---------------------------------------------------------------- internals

  private commit(mutation: SqsMutation): void {
    this.state.apply(mutation);
    for (const listener of this.listeners) listener(mutation);
    switch (mutation.type) {
      case 'sendMessage':
      case 'changeMessageVisibility':
      case 'purgeQueue':
        this.waiters.notify(mutation.queue);
        break;
      case 'moveToDeadLetterQueue':
        this.waiters.notify(mutation.deadLetterQueue);
        break;
      case 'redriveMessage':
        this.waiters.notify(mutation.destination);
        break;
      default:
        break;
    }
  }

  private requireQueue(identifier: string): StoredQueue {
    const queue = typeof identifier === 'string' ? this.state.queue(this.queueNameOf(identifier)) : undefined;
    if (!queue) throw new QueueDoesNotExistError();
    return queue;
  }

  private checkRedrive(queueName: string, attributes: Readonly<Record<string, string>>): void {
    const policy = parseRedrivePolicy(attributes);
    if (!policy) return;
    const target = this.state.queue(this.queueNameOf(policy.deadLetterTargetArn));
    if (!target) {
      throw new InvalidParameterValueError(`Value ${attributes.RedrivePolicy} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
    }
    if (!redriveAllowed(target.attributes, this.queueArn(queueName))) {
      throw new InvalidParameterValueError(`Value ${attributes.RedrivePolicy} for parameter RedrivePolicy is invalid. Reason: Queue ${this.queueArn(queueName)} is not allowed to use ${policy.deadLetterTargetArn} as a dead-letter queue (RedriveAllowPolicy).`);
    }
  }

  private expired(queue: StoredQueue, message: StoredMessage, now: number): boolean {
    return message.sentTimestamp + numericAttribute(queue.attributes, 'MessageRetentionPeriod') * 1000 <= now;
  }

  private sweepExpired(queue: StoredQueue): void {
    const now = this.now();
    const expired = queue.messages.filter((m) => this.expired(queue, m, now));
    for (const message of expired) {
      this.commit({ type: 'deleteMessage', queue: queue.name, messageId: message.messageId, reason: 'expired' });
    }
  }

  private receiveNow(name: string, max: number, visibilitySeconds: number): ReceivedMessage[] {
    const queue = this.requireQueue(name);
    this.sweepExpired(queue);
    const policy = parseRedrivePolicy(queue.attributes);
    const deadLetterQueue = policy ? this.state.queue(this.queueNameOf(policy.deadLetterTargetArn)) : undefined;
    const now = this.now();
    const received: ReceivedMessage[] = [];
    for (const message of queue.messages.filter((m) => m.visibleAt <= now)) {
      if (received.length >= max) break;
      if (policy && deadLetterQueue && message.receiveCount >= policy.maxReceiveCount) {
        this.commit({ type: 'moveToDeadLetterQueue', queue: queue.name, messageId: message.messageId, deadLetterQueue: deadLetterQueue.name, at: now });
        continue;
      }
      const nonce = randomUUID();
      this.commit({ type: 'receiveMessage', queue: queue.name, messageId: message.messageId, receiptNonce: nonce, at: now, visibleAt: now + visibilitySeconds * 1000 });
      received.push(toReceivedMessage(message, encodeReceiptHandle({ queue: queue.name, messageId: message.messageId, nonce }), this.queueArn(queue.name)));
    }
    return received;
  }

  private decodeHandle(queue: StoredQueue, receiptHandle: unknown): { messageId: string; nonce: string } {
    const handle = typeof receiptHandle === 'string' ? receiptHandle : '';
    const parts = decodeReceiptHandle(handle);
    if (!parts || parts.queue !== queue.name) throw new ReceiptHandleIsInvalidError(handle);
    return parts;
  }

  private msUntilNextVisible(name: string): number {
    const queue = this.state.queue(name);
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    for (const message of queue?.messages ?? []) {
      if (message.visibleAt > now) next = Math.min(next, message.visibleAt - now);
    }
    return next;
  }
}
