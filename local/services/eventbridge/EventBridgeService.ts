import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, JSON_11_CONTENT_TYPE, TARGET_PREFIX } from './constants.js';
import { EventBridgeServiceError, SerializationError, UnknownOperationError } from './errors.js';
import { EventBridgeState } from './EventBridgeState.js';
import { createArchive, describeArchive } from './operations/archives.js';
import { createEventBus, deleteEventBus, describeEventBus, listEventBuses } from './operations/buses.js';
import type { Input, OperationContext } from './operations/context.js';
import { putEvents, testEventPattern } from './operations/putEvents.js';
import { describeReplay, startReplay } from './operations/replays.js';
import { deleteRule, describeRule, listRules, putRule } from './operations/rules.js';
import { listTargetsByRule, putTargets, removeTargets } from './operations/targets.js';
import { InvalidEventPatternError } from './pattern/index.js';
import { TargetDispatcher, type TargetDispatcherOptions } from './TargetDispatcher.js';
import type { ArchivedEventMutation, DeliverFn, DeliveryMetrics, EventBridgeSnapshot, WireResponse } from './types.js';

/** Options of {@link EventBridgeService}. */
export interface EventBridgeServiceOptions extends TargetDispatcherOptions {
  /** Hands a message to a target (SQS queue ARN); see {@link DeliverFn}. */
  readonly deliver: DeliverFn;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** Clock in epoch ms. @default Date.now */
  readonly now?: () => number;
  /**
   * Told of every event stored in an archive (the runtime journals it with STATE_DIR).
   * @default - not told
   */
  readonly onArchived?: (mutation: ArchivedEventMutation) => void;
}

type Operation = (ctx: OperationContext, input: Input) => Record<string, unknown> | Promise<Record<string, unknown>>;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  PutEvents: putEvents,
  CreateEventBus: createEventBus,
  DescribeEventBus: describeEventBus,
  ListEventBuses: listEventBuses,
  DeleteEventBus: deleteEventBus,
  PutRule: putRule,
  DescribeRule: describeRule,
  ListRules: listRules,
  DeleteRule: deleteRule,
  PutTargets: putTargets,
  ListTargetsByRule: listTargetsByRule,
  RemoveTargets: removeTargets,
  TestEventPattern: testEventPattern,
  CreateArchive: createArchive,
  DescribeArchive: describeArchive,
  StartReplay: startReplay,
  DescribeReplay: describeReplay,
};

/**
 * An in-memory Amazon EventBridge speaking the AWS JSON 1.1 protocol (`POST /`,
 * `X-Amz-Target: AWSEvents.<Operation>`), for the local runtime. Target deliveries go through the
 * injected `deliver` callback; PutEvents answers only after they ended.
 *
 * @example
 * const events = new EventBridgeService({ deliver: (arn, body) => sqs.enqueue(arn, body) });
 * const { status, body } = await events.handle('AWSEvents.PutEvents', '{"Entries": [...]}');
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/Welcome.html
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
export class EventBridgeService {
  private readonly context: OperationContext;

  public constructor(options: EventBridgeServiceOptions) {
    const now = options.now ?? Date.now;
    this.context = {
      state: new EventBridgeState(
        { accountId: options.accountId ?? DEFAULT_ACCOUNT_ID, region: options.region ?? DEFAULT_REGION },
        now,
      ),
      dispatcher: new TargetDispatcher(options.deliver, options),
      now,
      faults: { putEventsFailingUntil: 0 },
      background: new Set(),
      ...(options.onArchived ? { onArchived: options.onArchived } : {}),
    };
  }

  /**
   * Answers one request. `target` is the `X-Amz-Target` header, `body` the raw JSON body. Errors
   * come back as `{"__type": "<ExceptionName>", "message": ...}` with status 400 (500 for
   * InternalException); this method itself never rejects.
   */
  public async handle(target: string, body: string): Promise<WireResponse> {
    try {
      const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
      if (operation === undefined) {
        throw new UnknownOperationError(target);
      }
      return respond(200, await operation(this.context, parseBody(body)));
    } catch (error) {
      if (error instanceof EventBridgeServiceError || error instanceof InvalidEventPatternError) {
        const status = error instanceof EventBridgeServiceError ? error.statusCode : 400;
        return respond(status, { __type: error.awsErrorCode, message: error.message });
      }
      return respond(500, { __type: 'InternalException', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** CreateEventBus, for the runtime. Same input and output as the API. */
  public async createBus(input: { Name: string }): Promise<{ EventBusArn: string }> {
    return this.call('CreateEventBus', input) as Promise<{ EventBusArn: string }>;
  }

  /** PutRule, for the runtime. */
  public async putRule(input: Record<string, unknown>): Promise<{ RuleArn: string }> {
    return this.call('PutRule', input) as Promise<{ RuleArn: string }>;
  }

  /** PutTargets, for the runtime. */
  public async putTargets(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.call('PutTargets', input);
  }

  /** CreateArchive, for the runtime. */
  public async createArchive(input: Record<string, unknown>): Promise<{ ArchiveArn: string }> {
    return this.call('CreateArchive', input) as Promise<{ ArchiveArn: string }>;
  }

  /** Fault hook: every PutEvents answers 500 InternalException until `epochMs` (0 switches it off). */
  public failPutEventsUntil(epochMs: number): void {
    this.context.faults.putEventsFailingUntil = epochMs;
  }

  /** Delivery counters since start. */
  public metrics(): Readonly<DeliveryMetrics> {
    return { ...this.context.dispatcher.metrics };
  }

  /** Resolves when background work (running replays) has finished. */
  public async idle(): Promise<void> {
    while (this.context.background.size > 0) {
      await Promise.allSettled([...this.context.background]);
    }
  }

  /** The state (buses, rules, targets, archives with events, replays) as plain JSON. */
  public snapshot(): EventBridgeSnapshot {
    return this.context.state.snapshot();
  }

  /**
   * Applies an archived-event record journaled through `onArchived` (at start, after the archives
   * were created again from the template). A record of an archive that no longer exists is dropped.
   */
  public applyArchived(mutation: ArchivedEventMutation): void {
    this.context.state.archives.get(mutation.archive)?.events.push({ event: mutation.event, ingestedAt: mutation.ingestedAt });
  }

  /** The events of every archive, by archive name (what a checkpoint keeps). */
  public archivedEvents(): Record<string, ArchivedEventMutation[]> {
    const result: Record<string, ArchivedEventMutation[]> = {};
    for (const archive of this.context.state.archives.values()) {
      result[archive.name] = archive.events.map(({ event, ingestedAt }) => ({ type: 'archived', archive: archive.name, event, ingestedAt }));
    }
    return result;
  }

  /** Replaces the state with a snapshot taken by {@link snapshot}. */
  public restore(snapshot: EventBridgeSnapshot): void {
    this.context.state.restore(snapshot);
  }

  private async call(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const handler = OPERATIONS[operation] as Operation;
    return handler(this.context, input);
  }
}

function parseBody(body: string): Input {
  if (body.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SerializationError('Request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SerializationError('Request body must be a JSON object.');
  }
  return parsed as Input;
}

function respond(status: number, payload: unknown): WireResponse {
  return {
    status,
    headers: { 'content-type': JSON_11_CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(payload),
  };
}
