import { randomUUID } from 'node:crypto';

import { MAX_LISTED_MOVE_TASKS, MAX_MOVE_MESSAGES_PER_SECOND } from './constants.js';
import { InvalidParameterValueError, MissingParameterError, ResourceNotFoundError, UnsupportedOperationError } from './errors.js';
import { parseRedrivePolicy } from './queue-attributes.js';
import type { SqsState } from './sqs-state.js';
import type { SqsMutation, StoredMessage, StoredMoveTask } from './types.js';

/** What the runner needs from the service. */
export interface MoveTaskHost {
  readonly state: SqsState;
  now(): number;
  commit(mutation: SqsMutation): void;
  queueNameOf(identifier: string): string;
  queueArn(name: string): string;
  newMessageFor(destination: string, message: StoredMessage): StoredMessage;
}

/** Messages moved per tick when the task has no MaxNumberOfMessagesPerSecond. */
const UNTHROTTLED_BATCH = 100;

/**
 * Dead-letter queue redrive (StartMessageMoveTask / ListMessageMoveTasks / CancelMessageMoveTask).
 * A task moves the source queue's visible messages, oldest first, to `DestinationArn` or, without
 * one, back to the queue each message was dead-lettered from; moved messages are new messages
 * (new id, new enqueue time, receive count 0). Progress lives in the state (as mutations), so a
 * restored RUNNING task resumes where it stopped.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html
 */
export class MoveTaskRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  public constructor(private readonly host: MoveTaskHost) {}

  /** Validates and starts a task; returns its handle. */
  public start(input: { readonly sourceArn?: string; readonly destinationArn?: string; readonly maxNumberOfMessagesPerSecond?: number }): string {
    const { state } = this.host;
    if (typeof input.sourceArn !== 'string' || input.sourceArn.length === 0) throw new MissingParameterError('SourceArn');
    const sourceName = this.host.queueNameOf(input.sourceArn);
    const source = state.queue(sourceName);
    if (!source) throw new ResourceNotFoundError('The resource that you specified for the SourceArn parameter doesn\'t exist.');
    if (this.sourcesOf(sourceName).length === 0) {
      throw new InvalidParameterValueError('Source queue must be configured as a Dead Letter Queue.');
    }
    if (input.destinationArn !== undefined && !state.queue(this.host.queueNameOf(input.destinationArn))) {
      throw new ResourceNotFoundError('The resource that you specified for the DestinationArn parameter doesn\'t exist.');
    }
    const rate = input.maxNumberOfMessagesPerSecond;
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > MAX_MOVE_MESSAGES_PER_SECOND)) {
      throw new InvalidParameterValueError(`Value ${String(rate)} for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: Must be between 1 and ${MAX_MOVE_MESSAGES_PER_SECOND}.`);
    }
    const sourceArn = this.host.queueArn(sourceName);
    if (state.allTasks().some((t) => t.sourceArn === sourceArn && t.status === 'RUNNING')) {
      throw new UnsupportedOperationError(`A message move task is already running on ${sourceArn}. Only one active message movement task is supported per queue.`);
    }
    const now = this.host.now();
    const task: StoredMoveTask = {
      taskHandle: Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn }), 'utf8').toString('base64'),
      sourceArn,
      ...(input.destinationArn !== undefined ? { destinationArn: this.host.queueArn(this.host.queueNameOf(input.destinationArn)) } : {}),
      ...(rate !== undefined ? { maxNumberOfMessagesPerSecond: rate } : {}),
      startedTimestamp: now,
      approximateNumberOfMessagesToMove: source.messages.filter((m) => m.visibleAt <= now).length,
      approximateNumberOfMessagesMoved: 0,
      status: 'RUNNING',
    };
    this.host.commit({ type: 'startMoveTask', task });
    this.schedule(task.taskHandle, 0);
    return task.taskHandle;
  }

  /** The most recent tasks of a source queue (newest first), 1 by default, at most 10. */
  public list(sourceArn: string, maxResults?: number): StoredMoveTask[] {
    if (typeof sourceArn !== 'string' || sourceArn.length === 0) throw new MissingParameterError('SourceArn');
    const name = this.host.queueNameOf(sourceArn);
    if (!this.host.state.queue(name)) throw new ResourceNotFoundError('The resource that you specified for the SourceArn parameter doesn\'t exist.');
    const limit = maxResults ?? 1;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LISTED_MOVE_TASKS) {
      throw new InvalidParameterValueError(`Value ${String(maxResults)} for parameter MaxResults is invalid. Reason: Must be between 1 and ${MAX_LISTED_MOVE_TASKS}.`);
    }
    const arn = this.host.queueArn(name);
    return this.host.state.allTasks().filter((t) => t.sourceArn === arn).reverse().slice(0, limit).map((t) => ({ ...t }));
  }

  /** Cancels a RUNNING task; returns the number of messages it moved. */
  public cancel(taskHandle: string): number {
    const task = typeof taskHandle === 'string' ? this.host.state.task(taskHandle) : undefined;
    if (!task) throw new ResourceNotFoundError('Task does not exist.');
    if (task.status !== 'RUNNING') throw new UnsupportedOperationError(`Only RUNNING tasks can be cancelled; this task is ${task.status}.`);
    this.clear(taskHandle);
    this.host.commit({ type: 'finishMoveTask', taskHandle, status: 'CANCELLED' });
    return task.approximateNumberOfMessagesMoved;
  }

  /** Schedules every RUNNING task again (after restore or replay). */
  public resumeAll(): void {
    for (const task of this.host.state.allTasks()) {
      if (task.status === 'RUNNING' && !this.timers.has(task.taskHandle)) this.schedule(task.taskHandle, 0);
    }
  }

  /** Stops every scheduled tick (tasks stay RUNNING in the state). */
  public stopAll(): void {
    for (const handle of [...this.timers.keys()]) this.clear(handle);
  }

  private sourcesOf(deadLetterQueue: string): string[] {
    return this.host.state
      .allQueues()
      .filter((q) => {
        const policy = parseRedrivePolicy(q.attributes);
        return policy !== undefined && this.host.queueNameOf(policy.deadLetterTargetArn) === deadLetterQueue;
      })
      .map((q) => q.name);
  }

  private schedule(handle: string, delayMs: number): void {
    this.clear(handle);
    this.timers.set(handle, setTimeout(() => {
      this.timers.delete(handle);
      this.tick(handle);
    }, delayMs));
  }

  private clear(handle: string): void {
    const timer = this.timers.get(handle);
    if (timer) clearTimeout(timer);
    this.timers.delete(handle);
  }

  private tick(handle: string): void {
    const { state } = this.host;
    const task = state.task(handle);
    if (!task || task.status !== 'RUNNING') return;
    const sourceName = this.host.queueNameOf(task.sourceArn);
    const source = state.queue(sourceName);
    if (!source) {
      this.host.commit({ type: 'finishMoveTask', taskHandle: handle, status: 'FAILED', failureReason: 'AWS.SimpleQueueService.NonExistentQueue' });
      return;
    }
    const budget = task.maxNumberOfMessagesPerSecond ?? UNTHROTTLED_BATCH;
    for (let moved = 0; moved < budget; moved += 1) {
      if (task.approximateNumberOfMessagesMoved >= task.approximateNumberOfMessagesToMove) break;
      const now = this.host.now();
      const message = source.messages.find((m) => m.visibleAt <= now);
      if (!message) break;
      const destination = this.destinationOf(task, message, sourceName);
      if (!destination || !state.queue(destination)) {
        this.host.commit({
          type: 'finishMoveTask',
          taskHandle: handle,
          status: 'FAILED',
          failureReason: destination ? 'AWS.SimpleQueueService.NonExistentQueue' : 'CouldNotDetermineMessageSource',
        });
        return;
      }
      this.host.commit({
        type: 'redriveMessage',
        queue: sourceName,
        messageId: message.messageId,
        taskHandle: handle,
        destination,
        message: this.host.newMessageFor(destination, message),
      });
    }
    const now = this.host.now();
    const more = task.approximateNumberOfMessagesMoved < task.approximateNumberOfMessagesToMove && source.messages.some((m) => m.visibleAt <= now);
    if (!more) {
      this.host.commit({ type: 'finishMoveTask', taskHandle: handle, status: 'COMPLETED' });
      return;
    }
    this.schedule(handle, task.maxNumberOfMessagesPerSecond === undefined ? 0 : 1000);
  }

  private destinationOf(task: StoredMoveTask, message: StoredMessage, sourceName: string): string | undefined {
    if (task.destinationArn !== undefined) return this.host.queueNameOf(task.destinationArn);
    if (message.deadLetterSourceQueue !== undefined) return message.deadLetterSourceQueue;
    // A message sent straight to the DLQ has no source; with exactly one source queue, use it.
    const sources = this.sourcesOf(sourceName);
    return sources.length === 1 ? sources[0] : undefined;
  }
}
