import type { QueueCounters, SqsMutation, SqsSnapshot, StoredMessage, StoredMoveTask, StoredQueue } from './types.js';

function emptyCounters(): QueueCounters {
  return { sent: 0, received: 0, deleted: 0, movedToDeadLetterQueue: 0, expired: 0, purged: 0 };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The emulator's data and the only code that changes it: `apply(mutation)`. The service decides
 * (validation, ids, timestamps) and then applies a mutation; a journal replays the same mutations.
 * Applying a mutation that no longer fits (a queue deleted since) is a no-op, so replay never throws.
 */
export class SqsState {
  private readonly queues = new Map<string, StoredQueue>();
  private readonly messageIndex = new Map<string, Map<string, StoredMessage>>();
  private readonly tasks = new Map<string, StoredMoveTask>();

  /** The queue named `name`, if any. */
  public queue(name: string): StoredQueue | undefined {
    return this.queues.get(name);
  }

  /** All queues, in creation order. */
  public allQueues(): StoredQueue[] {
    return [...this.queues.values()];
  }

  /** A message of a queue by id. */
  public message(queue: string, messageId: string): StoredMessage | undefined {
    return this.messageIndex.get(queue)?.get(messageId);
  }

  /** A move task by handle. */
  public task(handle: string): StoredMoveTask | undefined {
    return this.tasks.get(handle);
  }

  /** All move tasks, oldest first. */
  public allTasks(): StoredMoveTask[] {
    return [...this.tasks.values()];
  }

  /** Applies one mutation. */
  public apply(mutation: SqsMutation): void {
    switch (mutation.type) {
      case 'createQueue': {
        if (this.queues.has(mutation.name)) return;
        this.queues.set(mutation.name, {
          name: mutation.name,
          createdAt: mutation.at,
          lastModifiedAt: mutation.at,
          attributes: { ...mutation.attributes },
          tags: { ...mutation.tags },
          messages: [],
          counters: emptyCounters(),
        });
        this.messageIndex.set(mutation.name, new Map());
        return;
      }
      case 'setQueueAttributes': {
        const queue = this.queues.get(mutation.queue);
        if (!queue) return;
        Object.assign(queue.attributes, mutation.attributes);
        for (const name of mutation.removed) delete queue.attributes[name];
        queue.lastModifiedAt = mutation.at;
        return;
      }
      case 'deleteQueue': {
        this.queues.delete(mutation.queue);
        this.messageIndex.delete(mutation.queue);
        return;
      }
      case 'sendMessage': {
        const queue = this.queues.get(mutation.queue);
        if (!queue) return;
        this.insert(queue, clone(mutation.message));
        queue.counters.sent += 1;
        return;
      }
      case 'receiveMessage': {
        const queue = this.queues.get(mutation.queue);
        const message = this.message(mutation.queue, mutation.messageId);
        if (!queue || !message) return;
        message.receiveCount += 1;
        message.firstReceiveTimestamp ??= mutation.at;
        message.lastReceiveTimestamp = mutation.at;
        message.receiptNonce = mutation.receiptNonce;
        message.visibleAt = mutation.visibleAt;
        message.inFlight = true;
        queue.counters.received += 1;
        return;
      }
      case 'changeMessageVisibility': {
        const message = this.message(mutation.queue, mutation.messageId);
        if (message) message.visibleAt = mutation.visibleAt;
        return;
      }
      case 'deleteMessage': {
        const queue = this.queues.get(mutation.queue);
        if (!queue || !this.remove(queue, mutation.messageId)) return;
        if (mutation.reason === 'expired') queue.counters.expired += 1;
        else queue.counters.deleted += 1;
        return;
      }
      case 'moveToDeadLetterQueue': {
        const source = this.queues.get(mutation.queue);
        const target = this.queues.get(mutation.deadLetterQueue);
        const message = this.message(mutation.queue, mutation.messageId);
        if (!source || !target || !message) return;
        this.remove(source, message.messageId);
        // The enqueue timestamp and the receive count travel with the message ("the enqueue
        // timestamp is unchanged"; ApproximateReceiveCount counts receives "across all queues").
        this.insert(target, {
          ...message,
          visibleAt: mutation.at,
          inFlight: false,
          receiptNonce: undefined,
          deadLetterSourceQueue: mutation.queue,
        });
        source.counters.movedToDeadLetterQueue += 1;
        return;
      }
      case 'redriveMessage': {
        const source = this.queues.get(mutation.queue);
        const target = this.queues.get(mutation.destination);
        const task = this.tasks.get(mutation.taskHandle);
        if (!source || !target) return;
        if (!this.remove(source, mutation.messageId)) return;
        this.insert(target, clone(mutation.message));
        target.counters.sent += 1;
        if (task) task.approximateNumberOfMessagesMoved += 1;
        return;
      }
      case 'purgeQueue': {
        const queue = this.queues.get(mutation.queue);
        if (!queue) return;
        queue.counters.purged += queue.messages.length;
        queue.messages = [];
        this.messageIndex.set(queue.name, new Map());
        queue.lastPurgeAt = mutation.at;
        return;
      }
      case 'startMoveTask': {
        this.tasks.set(mutation.task.taskHandle, clone(mutation.task));
        return;
      }
      case 'finishMoveTask': {
        const task = this.tasks.get(mutation.taskHandle);
        if (!task) return;
        task.status = mutation.status;
        if (mutation.failureReason !== undefined) task.failureReason = mutation.failureReason;
        return;
      }
    }
  }

  /** A deep copy of the whole state as plain JSON. */
  public snapshot(): SqsSnapshot {
    return clone({ version: 1 as const, queues: this.allQueues(), moveTasks: this.allTasks() });
  }

  /** Replaces the whole state with a snapshot. */
  public restore(snapshot: SqsSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`Unsupported SQS snapshot version ${String(snapshot.version)}`);
    this.queues.clear();
    this.messageIndex.clear();
    this.tasks.clear();
    for (const queue of snapshot.queues) {
      const copy = clone(queue);
      this.queues.set(copy.name, copy);
      this.messageIndex.set(copy.name, new Map(copy.messages.map((m) => [m.messageId, m])));
    }
    for (const task of snapshot.moveTasks) this.tasks.set(task.taskHandle, clone(task));
  }

  private insert(queue: StoredQueue, message: StoredMessage): void {
    queue.messages.push(message);
    this.messageIndex.get(queue.name)?.set(message.messageId, message);
  }

  private remove(queue: StoredQueue, messageId: string): boolean {
    const index = this.messageIndex.get(queue.name);
    if (!index?.has(messageId)) return false;
    index.delete(messageId);
    const at = queue.messages.findIndex((m) => m.messageId === messageId);
    if (at >= 0) queue.messages.splice(at, 1);
    return true;
  }
}
