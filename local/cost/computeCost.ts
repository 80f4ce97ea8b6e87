import {
  APP_LOG_LINE_BYTES,
  CHUNK_64K,
  DEFAULT_IDLE_POLLERS,
  EMF_FLUSH_BYTES,
  ENVELOPE_OVERHEAD_BYTES,
  EVENT_WRAPPER_BYTES,
  LONG_POLL_SECONDS,
  MAX_INLINE_ENTRY_BYTES,
  PLATFORM_LOG_BYTES,
  SECONDS_PER_MONTH,
  SQS_MAX_MESSAGES_PER_CALL,
} from './constants.js';
import { CostInputError } from './errors.js';
import { ARM_RATES, chunks, httpApiCharges, lambdaCharges, writeUnits, type LambdaRates } from './meters.js';
import { AWS_PRICES } from './prices.js';
import type { CostInput, CostLine, CostReport, LogLevel } from './types.js';

const GB = 1024 ** 3;

/** The defaults of the deployed stack (lib/ constructs' `@default`s) and of measured behaviour. */
export const COST_DEFAULTS = {
  consumers: 5,
  audit: true,
  avgBytes: 2048,
  ingress: 'http-api',
  sources: 1,
  verifierMemoryMb: 256,
  verifierMs: 20,
  consumerMemoryMb: 256,
  consumerBaseMs: 10,
  consumerPerRecordMs: 20,
  batchSize: 10,
  batchingWindowSeconds: 0,
  idempotency: 'dynamodb',
  logLevel: 'INFO',
  metrics: true,
  metricsPerSource: 4,
  archive: true,
  archiveRetentionDays: 30,
  replayFraction: 0,
  secretCacheSeconds: 300,
  idlePollersPerQueue: DEFAULT_IDLE_POLLERS,
  freeTier: false,
} as const satisfies Omit<Required<CostInput>, 'events' | 'claimCheckThreshold'>;

/** Application log lines per invocation at each level (the handlers log one line per accepted webhook or record at INFO). */
const APP_LINES: Readonly<Record<LogLevel, number>> = { DEBUG: 2, INFO: 1, WARN: 0, ERROR: 0 };

/** Idempotency item (key hash, status, expiries, small result) is under 1 KB: one unit per write. */
const IDEMPOTENCY_ITEM_BYTES = 400;
/** Audit row: `source#id`, type, time, correlation id, message id. */
const AUDIT_ITEM_BYTES = 500;

/**
 * The monthly AWS bill of a hookbridge stack, line by line: API Gateway (or a function URL),
 * the verifier, EventBridge with its archive, one SQS queue and one consumer per subscription (and
 * the audit log), the idempotency and audit writes, Secrets Manager, S3 claim checks and
 * CloudWatch. Quantities follow each service's metering rule (`meters.ts`); prices come from the
 * dated table in `prices.ts`.
 *
 * @throws CostInputError for a negative or non-finite number, or a batch size outside 1–10000
 */
export function computeCost(input: CostInput): CostReport {
  const s = { ...COST_DEFAULTS, ...definedOnly(input) } as CostReport['input'];
  validate(s);
  const n = s.events;
  const lines: CostLine[] = [];
  const perMillion = (usd: number): number => (n > 0 ? (usd / n) * 1e6 : 0);
  const add = (service: string, item: string, quantity: number, unit: string, monthlyUsd: number, fixed = false): void => {
    lines.push({ service, item, quantity, unit, monthlyUsd, perMillionUsd: perMillion(monthlyUsd), fixed });
  };
  const rates: LambdaRates = s.freeTier ? { ...ARM_RATES, freeRequests: 1_000_000, freeGbSeconds: 400_000 } : ARM_RATES;

  // Ingress.
  if (s.ingress === 'http-api') {
    const api = httpApiCharges(n, s.avgBytes);
    add('API Gateway', 'HTTP API requests (512 KB increments)', api.billedRequests, 'requests', api.usd);
  } else {
    add('Lambda', 'function URL requests', n, 'requests', 0);
  }

  // Verifier.
  const verifier = lambdaCharges(n, s.verifierMs, s.verifierMemoryMb, rates);
  add('Lambda', `verifier invocations`, verifier.billableRequests, 'requests', verifier.requestUsd);
  add('Lambda', `verifier duration (${s.verifierMemoryMb} MB × ${s.verifierMs} ms, arm64)`, verifier.billableGbSeconds, 'GB-s', verifier.computeUsd);

  // EventBridge.
  const claimChecked = isClaimChecked(s.avgBytes, s.claimCheckThreshold);
  const entryBytes = (claimChecked ? 200 : s.avgBytes) + ENVELOPE_OVERHEAD_BYTES;
  const eventChunks = chunks(entryBytes, CHUNK_64K);
  add('EventBridge', 'custom events (64 KB chunks)', n * eventChunks, 'events', n * eventChunks * AWS_PRICES.eventBridgeCustomEvent.usd);
  if (s.archive) {
    const archivedGb = (n * (entryBytes + EVENT_WRAPPER_BYTES)) / GB;
    add('EventBridge', 'archive: events processed', archivedGb, 'GB', archivedGb * AWS_PRICES.eventBridgeArchiveProcessed.usd);
    const storedGbMonths = archivedGb * (s.archiveRetentionDays === 0 ? 12 : s.archiveRetentionDays / 30);
    add('EventBridge', `archive: storage (${s.archiveRetentionDays || 'unlimited, 1 year shown'} days)`, storedGbMonths, 'GB-month', storedGbMonths * AWS_PRICES.eventBridgeArchiveStorage.usd);
  }
  if (s.replayFraction > 0) {
    const replayed = n * s.replayFraction * eventChunks;
    add('EventBridge', 'replayed events', replayed, 'events', replayed * AWS_PRICES.eventBridgeReplay.usd);
  }

  // Queues and consumers: one queue and function per consumer, plus the audit log.
  const queues = s.consumers + (s.audit ? 1 : 0);
  const messageBytes = entryBytes + EVENT_WRAPPER_BYTES;
  const batch = effectiveBatch(n, s.batchSize, s.batchingWindowSeconds);
  const batches = n / batch;
  // ReceiveMessage and DeleteMessageBatch take at most 10 messages per call, whatever the batch
  // size: the poller assembles larger batches from several calls.
  const perCall = Math.min(SQS_MAX_MESSAGES_PER_CALL, batch);
  const calls = n / perCall;
  const sends = n * chunks(messageBytes);
  const receives = calls * chunks(messageBytes * perCall);
  const deletes = calls;
  const sqsVariable = queues * (sends + receives + deletes);
  const idlePolls = queues * s.idlePollersPerQueue * (SECONDS_PER_MONTH / LONG_POLL_SECONDS);
  const freeSqs = s.freeTier ? 1_000_000 : 0;
  const billableSqsVariable = Math.max(0, sqsVariable - freeSqs);
  add('SQS', `send (EventBridge target) + receive + delete, ${queues} queues, ${round(batch, 2)} records/batch`, billableSqsVariable, 'requests', billableSqsVariable * AWS_PRICES.sqsRequest.usd);
  add('SQS', `empty long polls (${s.idlePollersPerQueue} pollers/queue while idle)`, idlePolls, 'requests', idlePolls * AWS_PRICES.sqsRequest.usd, true);

  const invocations = queues * batches;
  const consumerMs = s.consumerBaseMs + s.consumerPerRecordMs * batch;
  const consumer = lambdaCharges(invocations, consumerMs, s.consumerMemoryMb, s.freeTier ? { ...rates, freeRequests: 0, freeGbSeconds: 0 } : rates);
  add('Lambda', `consumer invocations (${queues} functions)`, consumer.billableRequests, 'requests', consumer.requestUsd);
  add('Lambda', `consumer duration (${s.consumerMemoryMb} MB × ${round(consumerMs, 1)} ms per batch, arm64)`, consumer.billableGbSeconds, 'GB-s', consumer.computeUsd);

  // DynamoDB: the kit's idempotency (a conditional put, then an update, per consumer per event) and the audit row.
  if (s.idempotency === 'dynamodb' && s.consumers > 0) {
    const units = n * s.consumers * 2 * writeUnits(IDEMPOTENCY_ITEM_BYTES);
    add('DynamoDB', 'idempotency: conditional put + update per consumer per event', units, 'write units', units * AWS_PRICES.dynamoWriteUnit.usd);
    const storedGb = (n * s.consumers * IDEMPOTENCY_ITEM_BYTES * (31 / 30)) / GB;
    add('DynamoDB', 'idempotency records (31-day TTL)', storedGb, 'GB-month', storedGb * AWS_PRICES.dynamoStorage.usd);
  }
  if (s.audit) {
    const units = n * writeUnits(AUDIT_ITEM_BYTES);
    add('DynamoDB', 'audit: one conditional put per event', units, 'write units', units * AWS_PRICES.dynamoWriteUnit.usd);
    const storedGb = (n * AUDIT_ITEM_BYTES) / GB;
    add('DynamoDB', "audit rows (this month's, kept)", storedGb, 'GB-month', storedGb * AWS_PRICES.dynamoStorage.usd);
  }

  // Secrets Manager: one secret per source; the verifier's cache refreshes once per TTL per warm environment.
  add('Secrets Manager', `${s.sources} source secret(s)`, s.sources, 'secret-months', s.sources * AWS_PRICES.secret.usd, true);
  const environments = Math.max(1, Math.ceil((n / SECONDS_PER_MONTH) * (s.verifierMs / 1000) * 2));
  const secretCalls = n === 0 ? 0 : s.secretCacheSeconds === 0 ? n : Math.min(n, s.sources * environments * (SECONDS_PER_MONTH / s.secretCacheSeconds));
  add('Secrets Manager', `GetSecretValue (cache ${s.secretCacheSeconds} s)`, secretCalls, 'calls', secretCalls * AWS_PRICES.secretApiCall.usd);

  // S3 claim checks.
  if (claimChecked) {
    add('S3', 'claim-check PUT per event', n, 'requests', n * AWS_PRICES.s3Put.usd);
    const gets = n * s.consumers;
    add('S3', 'claim-check GET per consumer', gets, 'requests', gets * AWS_PRICES.s3Get.usd);
    const storedGb = (n * s.avgBytes) / GB;
    add('S3', "claim-check objects (this month's)", storedGb, 'GB-month', storedGb * AWS_PRICES.s3Storage.usd);
  }

  // CloudWatch: platform lines of every invocation, application lines by level, EMF metrics.
  const appLines = APP_LINES[s.logLevel];
  const verifierLogBytes = n * (PLATFORM_LOG_BYTES + appLines * APP_LOG_LINE_BYTES + (s.metrics ? EMF_FLUSH_BYTES : 0));
  const consumerLogBytes = invocations * PLATFORM_LOG_BYTES + queues * n * appLines * APP_LOG_LINE_BYTES;
  const logGb = (verifierLogBytes + consumerLogBytes) / GB;
  add('CloudWatch', `log ingestion (${s.logLevel}${s.metrics ? ', EMF metrics' : ''})`, logGb, 'GB', logGb * AWS_PRICES.logsIngested.usd);
  if (s.metrics) {
    const metrics = s.sources * s.metricsPerSource;
    add('CloudWatch', `custom metrics (${s.metricsPerSource} per source)`, metrics, 'metric-months', metrics * AWS_PRICES.customMetric.usd, true);
  }

  const monthlyUsd = sum(lines.map((l) => l.monthlyUsd));
  return {
    input: s,
    lines,
    monthlyUsd,
    perMillionUsd: perMillion(monthlyUsd),
    marginalPerMillionUsd: perMillion(sum(lines.filter((l) => !l.fixed).map((l) => l.monthlyUsd))),
  };
}

/**
 * What Hookdeck sells, built from the same parts: receive, verify, and deliver to one destination
 * queue — ingress, the verifier, EventBridge and one SQS send per event, with the verifier's logs
 * and secret; no archive, no consumers, no idempotency or audit.
 */
export function computeGatewayOnly(input: CostInput): CostReport {
  const report = computeCost({ ...input, consumers: 0, audit: false, archive: false, replayFraction: 0, idlePollersPerQueue: 0 });
  // One destination queue: the send EventBridge makes into it (its consumer is the customer's).
  const s = report.input;
  const messageBytes = (isClaimChecked(s.avgBytes, s.claimCheckThreshold) ? 200 : s.avgBytes) + ENVELOPE_OVERHEAD_BYTES + EVENT_WRAPPER_BYTES;
  const sends = s.events * chunks(messageBytes);
  const perMillion = (usd: number): number => (s.events > 0 ? (usd / s.events) * 1e6 : 0);
  const lines = [
    ...report.lines.filter((l) => !l.service.startsWith('SQS') && !l.item.startsWith('consumer')),
    { service: 'SQS', item: 'send into the destination queue', quantity: sends, unit: 'requests', monthlyUsd: sends * AWS_PRICES.sqsRequest.usd, perMillionUsd: perMillion(sends * AWS_PRICES.sqsRequest.usd), fixed: false },
  ];
  const monthlyUsd = sum(lines.map((l) => l.monthlyUsd));
  return { input: s, lines, monthlyUsd, perMillionUsd: perMillion(monthlyUsd), marginalPerMillionUsd: perMillion(sum(lines.filter((l) => !l.fixed).map((l) => l.monthlyUsd))) };
}

/**
 * Records per consumer invocation. Without a batching window the poller hands over what is there
 * when it looks, which at low rates is one record; a window collects up to `rate × window`
 * records, capped by the batch size.
 */
export function effectiveBatch(eventsPerMonth: number, batchSize: number, windowSeconds: number): number {
  const perSecond = eventsPerMonth / SECONDS_PER_MONTH;
  return Math.min(batchSize, Math.max(1, perSecond * windowSeconds));
}

function isClaimChecked(avgBytes: number, threshold: number | undefined): boolean {
  return avgBytes + ENVELOPE_OVERHEAD_BYTES > MAX_INLINE_ENTRY_BYTES || (threshold !== undefined && avgBytes > threshold);
}

function validate(s: CostReport['input']): void {
  const problems: string[] = [];
  const numeric: (keyof CostReport['input'])[] = ['events', 'consumers', 'avgBytes', 'sources', 'verifierMemoryMb', 'verifierMs', 'consumerMemoryMb', 'consumerBaseMs', 'consumerPerRecordMs', 'batchingWindowSeconds', 'metricsPerSource', 'archiveRetentionDays', 'replayFraction', 'secretCacheSeconds', 'idlePollersPerQueue'];
  for (const key of numeric) {
    const value = s[key] as number;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) problems.push(`${key} must be a finite number ≥ 0 (given ${String(value)})`);
  }
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1 || s.batchSize > 10_000) problems.push(`batchSize must be an integer between 1 and 10000 (given ${String(s.batchSize)})`);
  if (problems.length > 0) throw new CostInputError(problems.join('; '));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
