import { createHash, randomUUID } from 'node:crypto';
import type { QueueMessageAttribute, ReceivedQueueMessage, SqsQueuePort } from '../../../local/pollers/index.js';

interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentTimestamp: number;
  readonly messageAttributes: Record<string, QueueMessageAttribute>;
  firstReceiveTimestamp?: number;
  receiveCount: number;
  invisibleUntil: number;
  receiptHandle?: string;
}

/**
 * A small in-memory SQS queue implementing the pollers' {@link SqsQueuePort}: visibility timeouts,
 * receive counts, receipt handles that change on each receive, and wake-ups on send or when a
 * message becomes visible again. Test helper only — the runtime adapts the real SqsService.
 */
export class InMemoryQueue implements SqsQueuePort {
  /** Every `receive` call: how many messages were asked for and returned. */
  public readonly receives: Array<{ asked: number; returned: number }> = [];
  private readonly messages = new Map<string, StoredMessage>();
  private readonly waiters = new Set<() => void>();
  private readonly visibilityTimeoutSeconds: number;

  public constructor(public readonly queueArn: string, options: { visibilityTimeoutSeconds?: number } = {}) {
    this.visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? 30;
  }

  /** SendMessage: returns the message id. */
  public send(body: string, messageAttributes: Record<string, QueueMessageAttribute> = {}): string {
    const messageId = randomUUID();
    this.messages.set(messageId, { messageId, body, sentTimestamp: Date.now(), messageAttributes, receiveCount: 0, invisibleUntil: 0 });
    this.wake();
    return messageId;
  }

  public async receive(queueArn: string, maxMessages: number, visibilityTimeoutSeconds?: number): Promise<readonly ReceivedQueueMessage[]> {
    this.checkArn(queueArn);
    const now = Date.now();
    const visible = [...this.messages.values()].filter((message) => message.invisibleUntil <= now).slice(0, Math.min(maxMessages, 10));
    const received = visible.map((message) => {
      message.receiveCount += 1;
      message.firstReceiveTimestamp ??= now;
      message.invisibleUntil = now + (visibilityTimeoutSeconds ?? this.visibilityTimeoutSeconds) * 1000;
      message.receiptHandle = Buffer.from(`${message.messageId}:${randomUUID()}`).toString('base64');
      return {
        messageId: message.messageId,
        receiptHandle: message.receiptHandle,
        body: message.body,
        md5OfBody: createHash('md5').update(message.body).digest('hex'),
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentTimestamp),
          SenderId: 'AIDAIENQZJOLO23YVJ4VO',
          ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp),
        },
        messageAttributes: message.messageAttributes,
      };
    });
    this.receives.push({ asked: maxMessages, returned: received.length });
    return received;
  }

  public async delete(queueArn: string, receiptHandles: readonly string[]): Promise<void> {
    this.checkArn(queueArn);
    const handles = new Set(receiptHandles);
    for (const [id, message] of this.messages) {
      if (message.receiptHandle !== undefined && handles.has(message.receiptHandle)) this.messages.delete(id);
    }
  }

  public waitForMessages(queueArn: string, signal: AbortSignal): Promise<void> {
    this.checkArn(queueArn);
    if (signal.aborted || this.visibleCount() > 0) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
      const nextVisible = Math.min(...[...this.messages.values()].map((message) => message.invisibleUntil));
      if (Number.isFinite(nextVisible)) timer = setTimeout(done, Math.max(0, nextVisible - Date.now()));
    });
  }

  /** Ids of every message still on the queue (visible or in flight). */
  public remainingIds(): string[] {
    return [...this.messages.keys()];
  }

  /** Receive count of a message still on the queue. */
  public receiveCount(messageId: string): number | undefined {
    return this.messages.get(messageId)?.receiveCount;
  }

  public visibleCount(): number {
    const now = Date.now();
    return [...this.messages.values()].filter((message) => message.invisibleUntil <= now).length;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private checkArn(queueArn: string): void {
    if (queueArn !== this.queueArn) throw new Error(`InMemoryQueue ${this.queueArn} asked about ${queueArn}`);
  }
}
