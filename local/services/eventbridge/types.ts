/** Context handed to the delivery callback with each message. */
export interface DeliveryMeta {
  /** The rule whose target this is. */
  readonly ruleArn: string;
  /** The target the message was meant for (differs from the callback's ARN for a DLQ delivery). */
  readonly targetArn: string;
  /**
   * Set when this is a dead-letter delivery; mirrors the message attributes AWS adds
   * (RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE).
   *
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
   */
  readonly deadLetter?: { readonly errorCode: string; readonly errorMessage: string };
}

/**
 * Hands one message to a target (an SQS queue ARN). Resolves once the message is stored; rejects
 * if it could not be. Injected so this emulator never imports the SQS emulator.
 */
export type DeliverFn = (targetArn: string, messageBody: string, meta: DeliveryMeta) => Promise<void>;

/** The event as EventBridge delivers it to targets. */
export interface EventEnvelope {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, unknown>;
  readonly 'replay-name'?: string;
}

/** A rule target as PutTargets stores it (the API shape). */
export interface TargetRecord {
  readonly Id: string;
  readonly Arn: string;
  readonly Input?: string;
  readonly InputPath?: string;
  readonly InputTransformer?: {
    readonly InputPathsMap?: Readonly<Record<string, string>>;
    readonly InputTemplate: string;
  };
  readonly DeadLetterConfig?: { readonly Arn?: string };
  readonly RetryPolicy?: { readonly MaximumRetryAttempts?: number; readonly MaximumEventAgeInSeconds?: number };
}

/** A bus in the state. */
export interface BusRecord {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: number;
}

/** A rule in the state; `targets` in PutTargets order. */
export interface RuleRecord {
  readonly name: string;
  readonly arn: string;
  readonly busName: string;
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly state: 'ENABLED' | 'DISABLED';
  readonly description?: string;
  targets: TargetRecord[];
}

/** An archived event and when it was ingested (epoch ms). */
export interface ArchivedEvent {
  readonly event: EventEnvelope;
  readonly ingestedAt: number;
}

/**
 * The one state change worth journaling: an event stored in an archive. Buses, rules, targets and
 * archives themselves come from the template at every start; archived events exist only here.
 */
export interface ArchivedEventMutation {
  readonly type: 'archived';
  readonly archive: string;
  readonly event: EventEnvelope;
  readonly ingestedAt: number;
}

/** An archive in the state. */
export interface ArchiveRecord {
  readonly name: string;
  readonly arn: string;
  readonly eventSourceArn: string;
  readonly description?: string;
  readonly eventPattern?: string;
  /** 0 keeps events forever. */
  readonly retentionDays: number;
  readonly creationTime: number;
  events: ArchivedEvent[];
}

/** A replay in the state; times in epoch ms. */
export interface ReplayRecord {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly eventSourceArn: string;
  readonly destination: { readonly Arn: string; readonly FilterArns?: readonly string[] };
  readonly eventStartTime: number;
  readonly eventEndTime: number;
  state: 'STARTING' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  readonly replayStartTime: number;
  replayEndTime?: number;
  eventLastReplayedTime?: number;
}

/** The whole service state as plain JSON, for journaling. */
export interface EventBridgeSnapshot {
  readonly version: 1;
  readonly buses: readonly BusRecord[];
  readonly rules: readonly RuleRecord[];
  readonly archives: readonly ArchiveRecord[];
  readonly replays: readonly ReplayRecord[];
}

/** Counters of target deliveries (the local stand-ins for the CloudWatch metrics of the same names). */
export interface DeliveryMetrics {
  invocations: number;
  failedInvocations: number;
  retries: number;
  deadLettered: number;
  /** Entries accepted for a bus that does not exist (AWS accepts them too and drops them). */
  unroutedEntries: number;
}

/** The JSON-protocol answer of one request. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
