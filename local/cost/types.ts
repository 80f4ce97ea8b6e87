/** Where webhooks enter. */
export type Ingress = 'http-api' | 'function-url';

/** Where consumers keep idempotency records. */
export type IdempotencyStorage = 'dynamodb' | 'none';

/** `POWERTOOLS_LOG_LEVEL` of the functions. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** What the stack does in a month, and how it is configured. Every field but `events` has a default. */
export interface CostInput {
  /** Webhooks accepted per month. */
  readonly events: number;
  /** Consumer queues each event reaches, besides the audit log. @default 5 */
  readonly consumers?: number;
  /** Whether the audit-log consumer runs. @default true */
  readonly audit?: boolean;
  /** Average request body, bytes. @default 2048 */
  readonly avgBytes?: number;
  /** @default 'http-api' */
  readonly ingress?: Ingress;
  /** Webhook sources, one secret each. @default 1 */
  readonly sources?: number;
  /** @default 256 */
  readonly verifierMemoryMb?: number;
  /** Average billed verifier duration. @default 20 */
  readonly verifierMs?: number;
  /** @default 256 */
  readonly consumerMemoryMb?: number;
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
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Whether the verifier emits EMF metrics (and custom metrics exist per source). @default true */
  readonly metrics?: boolean;
  /** Custom metrics per source (Accepted, Rejected, PublishFailed, SecretIndex0). @default 4 */
  readonly metricsPerSource?: number;
  /** Whether the bus is archived. @default true */
  readonly archive?: boolean;
  /** @default 30 */
  readonly archiveRetentionDays?: number;
  /** Share of events replayed from the archive in a month. @default 0 */
  readonly replayFraction?: number;
  /** Payload bytes above which payloads are claim-checked to S3. @default - only payloads that do not fit one entry */
  readonly claimCheckThreshold?: number;
  /** Secret cache TTL of the verifier, seconds. @default 300 */
  readonly secretCacheSeconds?: number;
  /** Long-polling pollers per queue while idle. @default 5 */
  readonly idlePollersPerQueue?: number;
  /** Apply the AWS free tiers (Lambda 1M requests + 400,000 GB-s, SQS 1M requests). @default false */
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
  /** True for charges that do not grow with the number of webhooks (secrets, metrics, idle polls). */
  readonly fixed: boolean;
}

/** The bill of a month. */
export interface CostReport {
  readonly input: Required<Omit<CostInput, 'claimCheckThreshold'>> & { readonly claimCheckThreshold?: number };
  readonly lines: readonly CostLine[];
  readonly monthlyUsd: number;
  readonly perMillionUsd: number;
  /** Only the lines that grow with volume, per million: the price of one more million webhooks. */
  readonly marginalPerMillionUsd: number;
}
