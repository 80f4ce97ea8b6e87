/** Where webhooks enter. */
export type Ingress = 'http-api' | 'function-url';

/** Where consumers keep idempotency records. */
export type IdempotencyStorage = 'dynamodb' | 'none';

/** `POWERTOOLS_LOG_LEVEL` of the functions. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Instruction set of a function: arm64 is billed about 20% less per GB-second. */
export type Architecture = 'arm64' | 'x86_64';

/** One consumer queue and the function draining it, as the bill sees them. */
export interface ConsumerProfile {
  /** Consumer name (`HOOKBRIDGE_CONSUMER`), for the notes. */
  readonly name: string;
  /**
   * Share of the accepted webhooks its rule delivers to its queue, 0–1.
   * @default - `filteredShare`: the rule filters and the template cannot say how much it lets through
   */
  readonly share?: number;
  /** Event source mapping batch size. */
  readonly batchSize: number;
  /** Event source mapping batching window, seconds. */
  readonly batchingWindowSeconds: number;
  readonly memoryMb: number;
  readonly architecture: Architecture;
  readonly logLevel: LogLevel;
  /** Runs each record at most once through the kit's DynamoDB idempotency (a conditional put and an update). */
  readonly idempotent: boolean;
  /** The audit-log consumer: one conditional put per record, never a claim-check fetch. */
  readonly audit: boolean;
  /** X-Ray active tracing. */
  readonly tracing: boolean;
}

/** What the stack does in a month, and how it is configured. Every field but `events` has a default. */
export interface CostInput {
  /** Webhooks accepted per month. */
  readonly events: number;
  /** Consumer queues each event reaches, besides the audit log (ignored when `consumerProfiles` is set). @default 5 */
  readonly consumers?: number;
  /** Whether the audit-log consumer runs (ignored when `consumerProfiles` is set). @default true */
  readonly audit?: boolean;
  /** Average request body, bytes. @default 2048 */
  readonly avgBytes?: number;
  /** @default 'http-api' */
  readonly ingress?: Ingress;
  /** Webhook sources: one verifier function and one secret each; traffic is assumed evenly spread over them. @default 1 */
  readonly sources?: number;
  /** @default 256 */
  readonly verifierMemoryMb?: number;
  /** @default 'arm64' */
  readonly verifierArchitecture?: Architecture;
  /** Average billed verifier duration. @default 20 */
  readonly verifierMs?: number;
  /** @default 256 */
  readonly consumerMemoryMb?: number;
  /** @default 'arm64' */
  readonly consumerArchitecture?: Architecture;
  /** Billed consumer duration per invocation, fixed part. @default 10 */
  readonly consumerBaseMs?: number;
  /** Billed consumer duration per record (idempotency writes, the team's handler). @default 20 */
  readonly consumerPerRecordMs?: number;
  /** Event source mapping batch size. @default 10 */
  readonly batchSize?: number;
  /** Event source mapping batching window, seconds. @default 0 */
  readonly batchingWindowSeconds?: number;
  /** @default 'dynamodb' */
  readonly idempotency?: IdempotencyStorage;
  /** Days an idempotency record lives (`HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS`). @default 31 */
  readonly idempotencyTtlDays?: number;
  /** `POWERTOOLS_LOG_LEVEL` of the verifiers (and of the consumers unless `consumerProfiles` says otherwise). @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Whether the verifier emits EMF metrics (and custom metrics exist per source). @default true */
  readonly metrics?: boolean;
  /** Custom metrics per source (Accepted, Rejected, PublishFailed, SecretIndex0). @default 4 */
  readonly metricsPerSource?: number;
  /** Whether the bus is archived. @default true */
  readonly archive?: boolean;
  /** Archive retention in days; 0 keeps events forever. @default 30 */
  readonly archiveRetentionDays?: number;
  /** Share of events replayed from the archive in a month. @default 0 */
  readonly replayFraction?: number;
  /** Payload bytes above which payloads are claim-checked to S3. @default - only payloads that do not fit one entry */
  readonly claimCheckThreshold?: number;
  /** Secret cache TTL of the verifier, seconds. @default 300 */
  readonly secretCacheSeconds?: number;
  /** Long-polling pollers per queue while idle. @default 5 */
  readonly idlePollersPerQueue?: number;
  /** X-Ray active tracing on the verifiers (and on the consumers unless `consumerProfiles` says otherwise). @default true */
  readonly tracing?: boolean;
  /** CloudWatch alarms per source, on its verifier's metrics (lib/alarms.ts). @default 2 */
  readonly alarmsPerSource?: number;
  /** CloudWatch alarms per consumer queue, on the queue, its DLQs and its rule (lib/alarms.ts). @default 4 */
  readonly alarmsPerQueue?: number;
  /** DynamoDB point-in-time recovery on the idempotency and audit tables. @default true */
  readonly pointInTimeRecovery?: boolean;
  /** Bytes of one HTTP API access log line; 0 without access logging. @default 530 */
  readonly accessLogBytes?: number;
  /** Share of the webhooks reaching a consumer whose rule filters events (its pattern is not "everything"). @default 1 */
  readonly filteredShare?: number;
  /** Each consumer queue with its own settings, as read from a synthesized stack. @default - `consumers` alike consumers plus the audit log, from the uniform settings */
  readonly consumerProfiles?: readonly ConsumerProfile[];
  /** Apply the AWS free tiers (Lambda 1M requests + 400,000 GB-s, SQS 1M requests, X-Ray 100,000 traces). @default false */
  readonly freeTier?: boolean;
}

/** One line of the bill. */
export interface CostLine {
  readonly service: string;
  readonly item: string;
  /** Billed quantity per month, in `unit`s. */
  readonly quantity: number;
  readonly unit: string;
  readonly monthlyUsd: number;
  /** `monthlyUsd` per million webhooks. */
  readonly perMillionUsd: number;
  /** True for charges that do not grow with the number of webhooks (secrets, metrics, alarms, idle polls). */
  readonly fixed: boolean;
}

/** Every setting of a computed bill, defaults filled in and the consumer queues resolved. */
export type ResolvedCostInput = Required<Omit<CostInput, 'claimCheckThreshold'>> & { readonly claimCheckThreshold?: number };

/** The bill of a month. */
export interface CostReport {
  readonly input: ResolvedCostInput;
  readonly lines: readonly CostLine[];
  readonly monthlyUsd: number;
  readonly perMillionUsd: number;
  /** Only the lines that grow with volume, per million: the price of one more million webhooks. */
  readonly marginalPerMillionUsd: number;
}
