import {
  ALARMS_PER_QUEUE,
  ALARMS_PER_SOURCE,
  APP_LOG_LINE_BYTES,
  CHUNK_64K,
  DEFAULT_ACCESS_LOG_BYTES,
  DEFAULT_IDLE_POLLERS,
  EMF_FLUSH_BYTES,
  ENVELOPE_OVERHEAD_BYTES,
  EVENT_WRAPPER_BYTES,
  LONG_POLL_SECONDS,
  MAX_INLINE_ENTRY_BYTES,
  PLATFORM_LOG_BYTES,
  SECONDS_PER_MONTH,
  SQS_MAX_MESSAGES_PER_CALL,
  XRAY_FREE_TRACES,
} from './constants.js';
import { CostInputError } from './errors.js';
import { ARM_RATES, chunks, httpApiCharges, lambdaCharges, lambdaTracesPerSecond, writeUnits, X86_RATES, xrayCharges, type LambdaRates } from './meters.js';
import { AWS_PRICES } from './prices.js';
import type { Architecture, ConsumerProfile, CostInput, CostLine, CostReport, LogLevel, ResolvedCostInput } from './types.js';
import { definedOnly, withSettings } from './withSettings.js';

const GB = 1024 ** 3;

/**
 * The settings `hookbridge cost` uses when it cannot read a synthesized stack: one source and five
 * consumers, and for everything else the `@default`s of the lib/ constructs (arm64, 256 MB, batch
 * size 10 without a window, DynamoDB idempotency, INFO logs, X-Ray active tracing, a 30-day
 * archive, the alarms, point-in-time recovery, API access logs) and measured behaviour.
 */
export const COST_DEFAULTS = {
  consumers: 5,
  audit: true,
  avgBytes: 2048,
  ingress: 'http-api',
  sources: 1,
  verifierMemoryMb: 256,
  verifierArchitecture: 'arm64',
  verifierMs: 20,
  consumerMemoryMb: 256,
  consumerArchitecture: 'arm64',
  consumerBaseMs: 10,
  consumerPerRecordMs: 20,
  batchSize: 10,
  batchingWindowSeconds: 0,
  idempotency: 'dynamodb',
  idempotencyTtlDays: 31,
  logLevel: 'INFO',
  metrics: true,
  metricsPerSource: 4,
  archive: true,
  archiveRetentionDays: 30,
  replayFraction: 0,
  secretCacheSeconds: 300,
  idlePollersPerQueue: DEFAULT_IDLE_POLLERS,
  tracing: true,
  alarmsPerSource: ALARMS_PER_SOURCE,
  alarmsPerQueue: ALARMS_PER_QUEUE,
  pointInTimeRecovery: true,
  accessLogBytes: DEFAULT_ACCESS_LOG_BYTES,
  filteredShare: 1,
  freeTier: false,
} as const satisfies Omit<ResolvedCostInput, 'events' | 'consumerProfiles'>;

/** Application log lines per record at each level (the handlers log one line per accepted webhook or record at INFO). */
const APP_LINES: Readonly<Record<LogLevel, number>> = { DEBUG: 2, INFO: 1, WARN: 0, ERROR: 0 };

/** Idempotency item (key hash, status, expiries, small result) is under 1 KB: one unit per write. */
const IDEMPOTENCY_ITEM_BYTES = 400;
/** Audit row: `source#id`, type, time, correlation id, message id. */
const AUDIT_ITEM_BYTES = 500;

const ARCHITECTURES: readonly Architecture[] = ['arm64', 'x86_64'];

/**
 * The monthly AWS bill of a hookbridge stack, line by line: API Gateway (or a function URL) and
 * its access logs, the verifiers, EventBridge with its archive, each consumer queue and function
 * (`consumerProfiles`, or `consumers` alike ones plus the audit log), the idempotency and audit
 * writes with point-in-time recovery, Secrets Manager, S3 claim checks, CloudWatch logs, metrics and
 * alarms, and X-Ray. Quantities follow each service's metering rule (`meters.ts`); prices come from
 * the dated table in `prices.ts`.
 *
 * @throws CostInputError for a negative or non-finite number, a share outside 0–1, or a batch size outside 1–10000
 */
export function computeCost(input: CostInput): CostReport {
  const base = { ...COST_DEFAULTS, ...definedOnly(input) } as MergedInput;
  validate(base);
  const profiles = base.consumerProfiles ?? uniformProfiles(base);
  const s: ResolvedCostInput = {
    ...base,
    consumerProfiles: profiles,
    consumers: profiles.filter((p) => !p.audit).length,
    audit: profiles.some((p) => p.audit),
    idempotency: base.consumerProfiles === undefined ? base.idempotency : profiles.some((p) => p.idempotent) ? 'dynamodb' : 'none',
  };
  const n = s.events;
  const lines: CostLine[] = [];
  const perMillion = (usd: number): number => (n > 0 ? (usd / n) * 1e6 : 0);
  const add = (service: string, item: string, quantity: number, unit: string, monthlyUsd: number, fixed = false): void => {
    lines.push({ service, item, quantity, unit, monthlyUsd, perMillionUsd: perMillion(monthlyUsd), fixed });
  };
  const free = (rates: LambdaRates): LambdaRates => (s.freeTier ? { ...rates, freeRequests: 1_000_000, freeGbSeconds: 400_000 } : rates);
  const rates = (architecture: Architecture): LambdaRates => (architecture === 'arm64' ? ARM_RATES : X86_RATES);

  // Ingress.
  if (s.ingress === 'http-api') {
    const api = httpApiCharges(n, s.avgBytes);
    add('API Gateway', 'HTTP API requests (512 KB increments)', api.billedRequests, 'requests', api.usd);
  } else {
    add('Lambda', 'function URL requests', n, 'requests', 0);
  }

  // Verifiers: one function per source, the traffic spread evenly over them.
  const verifier = lambdaCharges(n, s.verifierMs, s.verifierMemoryMb, free(rates(s.verifierArchitecture)));
  add('Lambda', `verifier invocations (${s.sources} functions)`, verifier.billableRequests, 'requests', verifier.requestUsd);
  add('Lambda', `verifier duration (${s.verifierMemoryMb} MB × ${s.verifierMs} ms, ${s.verifierArchitecture})`, verifier.billableGbSeconds, 'GB-s', verifier.computeUsd);

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

  // Queues and consumers: each profile is one queue (its rule's share of the events) and one function.
  const messageBytes = entryBytes + EVENT_WRAPPER_BYTES;
  const queues = profiles.map((profile) => {
    const messages = n * (profile.share ?? s.filteredShare);
    const batch = effectiveBatch(messages, profile.batchSize, profile.batchingWindowSeconds);
    // ReceiveMessage and DeleteMessageBatch take at most 10 messages per call, whatever the batch
    // size: the poller assembles larger batches from several calls.
    const perCall = Math.min(SQS_MAX_MESSAGES_PER_CALL, batch);
    const calls = messages / perCall;
    const requests = messages * chunks(messageBytes) + calls * chunks(messageBytes * perCall) + calls;
    const invocations = messages / batch;
    const ms = s.consumerBaseMs + s.consumerPerRecordMs * batch;
    const lambda = lambdaCharges(invocations, ms, profile.memoryMb, rates(profile.architecture));
    return { profile, messages, batch, requests, invocations, ms, lambda };
  });
  const sqsVariable = sum(queues.map((q) => q.requests));
  const billableSqsVariable = Math.max(0, sqsVariable - (s.freeTier ? 1_000_000 : 0));
  const idlePolls = profiles.length * s.idlePollersPerQueue * (SECONDS_PER_MONTH / LONG_POLL_SECONDS);
  add('SQS', `send (EventBridge target) + receive + delete, ${profiles.length} queues, ${label(queues.map((q) => round(q.batch, 2)))} records/batch`, billableSqsVariable, 'requests', billableSqsVariable * AWS_PRICES.sqsRequest.usd);
  add('SQS', `empty long polls (${s.idlePollersPerQueue} pollers/queue while idle)`, idlePolls, 'requests', idlePolls * AWS_PRICES.sqsRequest.usd, true);
  const consumerGbSeconds = sum(queues.map((q) => q.lambda.billableGbSeconds));
  add('Lambda', `consumer invocations (${profiles.length} functions)`, sum(queues.map((q) => q.lambda.billableRequests)), 'requests', sum(queues.map((q) => q.lambda.requestUsd)));
  add(
    'Lambda',
    `consumer duration (${label(profiles.map((p) => p.memoryMb))} MB × ${label(queues.map((q) => round(q.ms, 1)))} ms per batch, ${label(profiles.map((p) => p.architecture))})`,
    consumerGbSeconds,
    'GB-s',
    sum(queues.map((q) => q.lambda.computeUsd)),
  );

  // DynamoDB: the kit's idempotency (a conditional put, then an update, per consumer per event) and the audit row.
  const idempotent = queues.filter((q) => q.profile.idempotent);
  const audited = queues.filter((q) => q.profile.audit);
  const idempotencyRecords = sum(idempotent.map((q) => q.messages));
  const auditRows = sum(audited.map((q) => q.messages));
  const idempotencyGb = (idempotencyRecords * IDEMPOTENCY_ITEM_BYTES * (s.idempotencyTtlDays / 30)) / GB;
  const auditGb = (auditRows * AUDIT_ITEM_BYTES) / GB;
  if (idempotent.length > 0) {
    const units = idempotencyRecords * 2 * writeUnits(IDEMPOTENCY_ITEM_BYTES);
    add('DynamoDB', 'idempotency: conditional put + update per consumer per event', units, 'write units', units * AWS_PRICES.dynamoWriteUnit.usd);
    add('DynamoDB', `idempotency records (${round(s.idempotencyTtlDays, 1)}-day TTL)`, idempotencyGb, 'GB-month', idempotencyGb * AWS_PRICES.dynamoStorage.usd);
  }
  if (audited.length > 0) {
    const units = auditRows * writeUnits(AUDIT_ITEM_BYTES);
    add('DynamoDB', 'audit: one conditional put per event', units, 'write units', units * AWS_PRICES.dynamoWriteUnit.usd);
    add('DynamoDB', "audit rows (this month's, kept)", auditGb, 'GB-month', auditGb * AWS_PRICES.dynamoStorage.usd);
  }
  if (s.pointInTimeRecovery && (idempotent.length > 0 || audited.length > 0)) {
    const tableGb = idempotencyGb + auditGb;
    add('DynamoDB', 'point-in-time recovery (table size)', tableGb, 'GB-month', tableGb * AWS_PRICES.dynamoPitr.usd);
  }

  // Secrets Manager: one secret per source; the verifier's cache refreshes once per TTL per warm environment.
  add('Secrets Manager', `${s.sources} source secret(s)`, s.sources, 'secret-months', s.sources * AWS_PRICES.secret.usd, true);
  const environments = Math.max(1, Math.ceil((n / SECONDS_PER_MONTH) * (s.verifierMs / 1000) * 2));
  const secretCalls = n === 0 ? 0 : s.secretCacheSeconds === 0 ? n : Math.min(n, s.sources * environments * (SECONDS_PER_MONTH / s.secretCacheSeconds));
  // Below one call per webhook the calls follow the warm environments and the TTL, not the webhooks.
  add('Secrets Manager', `GetSecretValue (cache ${s.secretCacheSeconds} s)`, secretCalls, 'calls', secretCalls * AWS_PRICES.secretApiCall.usd, secretCalls < n);

  // S3 claim checks: every consumer but the audit log fetches the payload.
  if (claimChecked) {
    add('S3', 'claim-check PUT per event', n, 'requests', n * AWS_PRICES.s3Put.usd);
    const gets = sum(queues.filter((q) => !q.profile.audit).map((q) => q.messages));
    add('S3', 'claim-check GET per consumer', gets, 'requests', gets * AWS_PRICES.s3Get.usd);
    const storedGb = (n * s.avgBytes) / GB;
    add('S3', "claim-check objects (this month's)", storedGb, 'GB-month', storedGb * AWS_PRICES.s3Storage.usd);
  }

  // CloudWatch: platform lines of every invocation, application lines by level, EMF metrics, the API's access log, alarms.
  const verifierLogBytes = n * (PLATFORM_LOG_BYTES + APP_LINES[s.logLevel] * APP_LOG_LINE_BYTES + (s.metrics ? EMF_FLUSH_BYTES : 0));
  const consumerLogBytes = sum(queues.map((q) => q.invocations * PLATFORM_LOG_BYTES + q.messages * APP_LINES[q.profile.logLevel] * APP_LOG_LINE_BYTES));
  const logGb = (verifierLogBytes + consumerLogBytes) / GB;
  const levels = label([s.logLevel, ...profiles.map((p) => p.logLevel)]);
  add('CloudWatch', `log ingestion (${levels}${s.metrics ? ', EMF metrics' : ''})`, logGb, 'GB', logGb * AWS_PRICES.logsIngested.usd);
  if (s.ingress === 'http-api' && s.accessLogBytes > 0) {
    const accessGb = (n * s.accessLogBytes) / GB;
    add('CloudWatch', `HTTP API access log (${s.accessLogBytes} B per request)`, accessGb, 'GB', accessGb * AWS_PRICES.logsIngested.usd);
  }
  if (s.metrics) {
    const metrics = s.sources * s.metricsPerSource;
    add('CloudWatch', `custom metrics (${s.metricsPerSource} per source)`, metrics, 'metric-months', metrics * AWS_PRICES.customMetric.usd, true);
  }
  const alarms = s.sources * s.alarmsPerSource + profiles.length * s.alarmsPerQueue;
  if (alarms > 0) add('CloudWatch', `alarms (${round(alarms, 1)}, one metric each at least)`, alarms, 'alarm-months', alarms * AWS_PRICES.alarmMetric.usd, true);

  // X-Ray: Lambda samples each actively traced function by itself (see lambdaTracesPerSecond).
  const perSource = n / Math.max(1, s.sources) / SECONDS_PER_MONTH;
  const verifierTraces = s.tracing ? s.sources * lambdaTracesPerSecond(perSource) * SECONDS_PER_MONTH : 0;
  const consumerTraces = sum(queues.filter((q) => q.profile.tracing).map((q) => lambdaTracesPerSecond(q.invocations / SECONDS_PER_MONTH) * SECONDS_PER_MONTH));
  if (verifierTraces + consumerTraces > 0) {
    const xray = xrayCharges(verifierTraces + consumerTraces, s.freeTier ? XRAY_FREE_TRACES : 0);
    const traced = (traces: number, of: number): string => (of > 0 ? `${Math.round((traces / of) * 100)}%` : '0%');
    add(
      'X-Ray',
      `traces recorded (active tracing: ${traced(verifierTraces, n)} of verifier and ${traced(consumerTraces, sum(queues.map((q) => q.invocations)))} of consumer invocations)`,
      xray.billableTraces,
      'traces',
      xray.usd,
    );
  }

  return finish(s, lines);
}

/**
 * What Hookdeck sells, built from the same parts: receive, verify, and deliver to one destination
 * queue — ingress with its access log, the verifiers with their logs, metrics, alarms, traces and
 * secrets, EventBridge and one SQS send per event; no archive, no consumers, no idempotency or
 * audit.
 */
export function computeGatewayOnly(input: CostInput): CostReport {
  const report = computeCost(withSettings(input, { consumers: 0, audit: false, archive: false, replayFraction: 0, idlePollersPerQueue: 0 }));
  // One destination queue: the send EventBridge makes into it (its consumer is the customer's).
  const s = report.input;
  const messageBytes = (isClaimChecked(s.avgBytes, s.claimCheckThreshold) ? 200 : s.avgBytes) + ENVELOPE_OVERHEAD_BYTES + EVENT_WRAPPER_BYTES;
  const sends = s.events * chunks(messageBytes);
  const sendUsd = sends * AWS_PRICES.sqsRequest.usd;
  const lines: CostLine[] = [
    ...report.lines.filter((l) => l.service !== 'SQS' && !l.item.startsWith('consumer')),
    { service: 'SQS', item: 'send into the destination queue', quantity: sends, unit: 'requests', monthlyUsd: sendUsd, perMillionUsd: s.events > 0 ? (sendUsd / s.events) * 1e6 : 0, fixed: false },
  ];
  return finish(s, lines);
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

/** `consumers` alike consumer queues plus the audit log's, from the uniform settings. */
function uniformProfiles(s: MergedInput): ConsumerProfile[] {
  const profile = (name: string, audit: boolean): ConsumerProfile => ({
    name,
    share: 1,
    batchSize: s.batchSize,
    batchingWindowSeconds: s.batchingWindowSeconds,
    memoryMb: s.consumerMemoryMb,
    architecture: s.consumerArchitecture,
    logLevel: s.logLevel,
    idempotent: !audit && s.idempotency === 'dynamodb',
    audit,
    tracing: s.tracing,
  });
  return [...Array.from({ length: s.consumers }, (_, i) => profile(`consumer-${i + 1}`, false)), ...(s.audit ? [profile('audit-log', true)] : [])];
}

function finish(input: ResolvedCostInput, lines: CostLine[]): CostReport {
  const n = input.events;
  const perMillion = (usd: number): number => (n > 0 ? (usd / n) * 1e6 : 0);
  const monthlyUsd = sum(lines.map((l) => l.monthlyUsd));
  return { input, lines, monthlyUsd, perMillionUsd: perMillion(monthlyUsd), marginalPerMillionUsd: perMillion(sum(lines.filter((l) => !l.fixed).map((l) => l.monthlyUsd))) };
}

function isClaimChecked(avgBytes: number, threshold: number | undefined): boolean {
  return avgBytes + ENVELOPE_OVERHEAD_BYTES > MAX_INLINE_ENTRY_BYTES || (threshold !== undefined && avgBytes > threshold);
}

/** The settings with defaults filled in, before the consumer queues are resolved. */
type MergedInput = Omit<ResolvedCostInput, 'consumerProfiles'> & { readonly consumerProfiles?: readonly ConsumerProfile[] };

function validate(s: MergedInput): void {
  const problems: string[] = [];
  const numeric = [
    'events', 'consumers', 'avgBytes', 'sources', 'verifierMemoryMb', 'verifierMs', 'consumerMemoryMb', 'consumerBaseMs', 'consumerPerRecordMs',
    'batchingWindowSeconds', 'idempotencyTtlDays', 'metricsPerSource', 'archiveRetentionDays', 'replayFraction', 'secretCacheSeconds',
    'idlePollersPerQueue', 'alarmsPerSource', 'alarmsPerQueue', 'accessLogBytes', 'filteredShare',
  ] as const;
  for (const key of numeric) {
    const value = s[key] as number;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) problems.push(`${key} must be a finite number ≥ 0 (given ${String(value)})`);
  }
  if (Number.isFinite(s.consumers) && !Number.isInteger(s.consumers)) problems.push(`consumers must be a whole number (given ${s.consumers})`);
  if (s.filteredShare > 1) problems.push(`filteredShare must be between 0 and 1 (given ${s.filteredShare})`);
  if (!isBatchSize(s.batchSize)) problems.push(`batchSize must be an integer between 1 and 10000 (given ${String(s.batchSize)})`);
  for (const key of ['verifierArchitecture', 'consumerArchitecture'] as const) {
    if (!ARCHITECTURES.includes(s[key])) problems.push(`${key} must be one of ${ARCHITECTURES.join(', ')} (given ${String(s[key])})`);
  }
  for (const p of s.consumerProfiles ?? []) {
    if (p.share !== undefined && !(p.share >= 0 && p.share <= 1)) problems.push(`consumer ${p.name}: share must be between 0 and 1 (given ${p.share})`);
    if (!isBatchSize(p.batchSize)) problems.push(`consumer ${p.name}: batchSize must be an integer between 1 and 10000 (given ${String(p.batchSize)})`);
    if (!(p.batchingWindowSeconds >= 0) || !(p.memoryMb > 0)) problems.push(`consumer ${p.name}: batchingWindowSeconds must be ≥ 0 and memoryMb > 0 (given ${p.batchingWindowSeconds}, ${p.memoryMb})`);
  }
  if (problems.length > 0) throw new CostInputError(problems.join('; '));
}

function isBatchSize(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 10_000;
}

/** One value, or `a/b/c` when they differ. */
function label(values: readonly (string | number)[]): string {
  const unique = [...new Set(values)];
  return unique.length === 0 ? '–' : unique.join('/');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
