import type { CfnResource, CfnTemplate } from '../template/types.js';
import { ACCESS_LOG_VALUE_BYTES } from './constants.js';
import type { Architecture, ConsumerProfile, CostInput, LogLevel } from './types.js';

/** What a synthesized template says about the cost settings. */
export interface StackSettings {
  /** The settings the template determines; flags override them. */
  readonly input: Partial<CostInput>;
  /** What was read, short phrases for the one line `hookbridge cost` prints (`7 sources`, `X-Ray active`). */
  readonly read: readonly string[];
  /** What the template could not settle and what was assumed instead. */
  readonly notes: readonly string[];
}

type Env = Readonly<Record<string, unknown>>;

interface LambdaFunction {
  readonly id: string;
  readonly env: Env;
  readonly memoryMb: number;
  readonly architecture: Architecture;
  readonly logLevel: LogLevel;
  readonly tracing: boolean;
}

/** SQS event source mapping defaults when the template leaves them out. @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html */
const SQS_DEFAULT_BATCH_SIZE = 10;
/** Lambda defaults when the template leaves them out. */
const LAMBDA_DEFAULT_MEMORY_MB = 128;
const SECONDS_PER_DAY = 86_400;

/**
 * Reads the settings that move the bill from a synthesized hookbridge template: the verifiers
 * (functions with `HOOKBRIDGE_SOURCE`: sources, memory, architecture, log level, tracing, EMF
 * metrics, secret cache), the ingress (HTTP API and its access log format, or function URLs),
 * each SQS event source mapping as one consumer queue (batch size, batching window, its function's
 * memory, architecture, log level and tracing, the kit's idempotency table or the audit table, and
 * the share of the webhooks its rule lets through when the pattern settles it), the bus archive and
 * its retention, the alarms, and point-in-time recovery of the tables.
 */
export function stackSettings(template: CfnTemplate): StackSettings {
  const resources = Object.entries(template.Resources);
  const ofType = (type: string): [string, CfnResource][] => resources.filter(([, r]) => r.Type === type);
  const functions = new Map(ofType('AWS::Lambda::Function').map(([id, r]) => [id, lambdaFunction(id, r)]));
  const verifiers = [...functions.values()].filter((f) => typeof f.env.HOOKBRIDGE_SOURCE === 'string');
  const input: Record<string, unknown> = {};
  const read: string[] = [];
  const notes: string[] = [];

  if (verifiers.length === 0) {
    notes.push('no verifier function (HOOKBRIDGE_SOURCE) in the template: the verifier settings are the defaults');
  } else {
    input.sources = verifiers.length;
    input.verifierMemoryMb = mean(verifiers.map((f) => f.memoryMb));
    input.verifierArchitecture = mostCommon(verifiers.map((f) => f.architecture));
    input.logLevel = mostCommon(verifiers.map((f) => f.logLevel));
    input.tracing = mostCommon(verifiers.map((f) => f.tracing));
    input.metrics = verifiers.some((f) => typeof f.env.POWERTOOLS_METRICS_NAMESPACE === 'string' && f.env.POWERTOOLS_METRICS_DISABLED !== 'true');
    const cache = mostCommon(verifiers.map((f) => numberOf(f.env.HOOKBRIDGE_SECRET_CACHE_SECONDS)));
    if (cache !== undefined) input.secretCacheSeconds = cache;
    const threshold = mostCommon(verifiers.map((f) => numberOf(f.env.HOOKBRIDGE_CLAIM_CHECK_THRESHOLD)));
    if (threshold !== undefined) input.claimCheckThreshold = threshold;
    read.push(`${verifiers.length} sources`, `verifier ${round(input.verifierMemoryMb as number)} MB ${String(input.verifierArchitecture)}`);
  }

  const httpApis = ofType('AWS::ApiGatewayV2::Api').filter(([, r]) => r.Properties?.ProtocolType === 'HTTP');
  const verifierIds = new Set(verifiers.map((f) => f.id));
  const urls = ofType('AWS::Lambda::Url').filter(([, r]) => verifierIds.has(refId(r.Properties?.TargetFunctionArn) ?? ''));
  if (httpApis.length > 0) {
    input.ingress = 'http-api';
    const stages = ofType('AWS::ApiGatewayV2::Stage').map(([, r]) => r.Properties?.AccessLogSettings as { Format?: unknown } | undefined);
    const format = stages.find((settings) => typeof settings?.Format === 'string')?.Format as string | undefined;
    input.accessLogBytes = format === undefined ? 0 : accessLogLineBytes(format);
    read.push(`HTTP API${format === undefined ? ' without access log' : ` with a ${input.accessLogBytes as number} B access log line`}`);
  } else if (urls.length > 0) {
    input.ingress = 'function-url';
    read.push('function URLs');
  }
  if (ofType('AWS::ApiGateway::RestApi').length > 0) notes.push('a REST API is in the template: the model prices HTTP API requests ($1.00/M), REST costs $3.50/M');

  const archives = ofType('AWS::Events::Archive');
  input.archive = archives.length > 0;
  if (archives.length > 0) {
    input.archiveRetentionDays = numberOf(archives[0]![1].Properties?.RetentionDays) ?? 0;
    read.push(`archive ${input.archiveRetentionDays || 'forever'}${input.archiveRetentionDays ? ' days' : ''}`);
  } else {
    read.push('no archive');
  }

  const profiles = consumerProfiles(ofType, functions, verifiers);
  input.consumerProfiles = profiles.map((p) => p.profile);
  // The uniform consumer settings, for when --consumers replaces the queues with alike ones.
  const consumers = profiles.filter((p) => !p.profile.audit).map((p) => p.profile);
  input.consumers = consumers.length;
  input.audit = profiles.some((p) => p.profile.audit);
  if (consumers.length > 0) {
    input.batchSize = mostCommon(consumers.map((p) => p.batchSize));
    input.batchingWindowSeconds = mostCommon(consumers.map((p) => p.batchingWindowSeconds));
    input.consumerMemoryMb = mostCommon(consumers.map((p) => p.memoryMb));
    input.consumerArchitecture = mostCommon(consumers.map((p) => p.architecture));
    input.idempotency = consumers.some((p) => p.idempotent) ? 'dynamodb' : 'none';
  }
  if (profiles.length > 0) {
    const names = profiles.map((p) => p.profile.name);
    const idempotent = profiles.filter((p) => p.profile.idempotent).length;
    read.push(
      `${profiles.length} consumer queues (${names.join(', ')})`,
      `batch ${label(profiles.map((p) => p.profile.batchSize))} / window ${label(profiles.map((p) => p.profile.batchingWindowSeconds))} s`,
      `consumer ${label(profiles.map((p) => p.profile.memoryMb))} MB ${label(profiles.map((p) => p.profile.architecture))}`,
      `idempotency table on ${idempotent} of ${profiles.length}`,
    );
    const ttl = mostCommon(profiles.map((p) => numberOf(p.env.HOOKBRIDGE_IDEMPOTENCY_TTL_SECONDS)));
    if (ttl !== undefined) input.idempotencyTtlDays = ttl / SECONDS_PER_DAY;
    const unknown = profiles.filter((p) => p.profile.share === undefined).map((p) => p.profile.name);
    if (unknown.length > 0) {
      notes.push(`${unknown.length} consumer(s) filter events (${unknown.join(', ')}); their share of the webhooks is not in the template, so each is assumed to get every one unless --filtered-share says otherwise`);
    }
  }
  const levels = [...verifiers, ...profiles.map((p) => p.fn)].map((f) => f.logLevel);
  if (levels.length > 0) read.push(`log level ${label(levels)}`);
  const traced = [...verifiers, ...profiles.map((p) => p.fn)].filter((f) => f.tracing).length;
  read.push(traced > 0 ? `X-Ray active on ${traced} functions` : 'no X-Ray');

  const alarms = alarmCounts(ofType('AWS::CloudWatch::Alarm'), verifiers);
  if (verifiers.length > 0) input.alarmsPerSource = alarms.source / verifiers.length;
  if (profiles.length > 0) input.alarmsPerQueue = alarms.other / profiles.length;
  read.push(`${alarms.source + alarms.other} alarms`);

  const tables = ofType('AWS::DynamoDB::Table');
  if (tables.length > 0) {
    input.pointInTimeRecovery = tables.some(([, r]) => pitrEnabled(r.Properties));
    read.push(input.pointInTimeRecovery ? 'point-in-time recovery' : 'no point-in-time recovery');
  }
  return { input: input as Partial<CostInput>, read, notes };
}

interface ReadProfile {
  readonly profile: ConsumerProfile;
  readonly fn: LambdaFunction;
  readonly env: Env;
}

/** One profile per SQS event source mapping of a function in the template, the rules feeding its queue setting its share. */
function consumerProfiles(ofType: (type: string) => [string, CfnResource][], functions: ReadonlyMap<string, LambdaFunction>, verifiers: readonly LambdaFunction[]): ReadProfile[] {
  const queues = new Set(ofType('AWS::SQS::Queue').map(([id]) => id));
  const eventSources = verifiers.map((f) => f.env.HOOKBRIDGE_EVENT_SOURCE);
  const knownSources = eventSources.every((source): source is string => typeof source === 'string') ? eventSources : undefined;
  const rulesByQueue = new Map<string, unknown[]>();
  for (const [, rule] of ofType('AWS::Events::Rule')) {
    const enabled = rule.Properties?.State !== 'DISABLED';
    for (const target of (rule.Properties?.Targets as { Arn?: unknown }[] | undefined) ?? []) {
      const queue = refId(target.Arn);
      if (queue !== undefined && queues.has(queue)) rulesByQueue.set(queue, [...(rulesByQueue.get(queue) ?? []), enabled ? rule.Properties?.EventPattern : NEVER]);
    }
  }
  const profiles: ReadProfile[] = [];
  for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
    const props = mapping.Properties ?? {};
    const queue = refId(props.EventSourceArn);
    const fn = functions.get(refId(props.FunctionName) ?? '');
    if (queue === undefined || !queues.has(queue) || fn === undefined || props.Enabled === false) continue;
    const shares = (rulesByQueue.get(queue) ?? []).map((pattern) => patternShare(pattern, knownSources));
    const share = shares.includes(1) ? 1 : shares.every((s) => s === 0) && shares.length > 0 ? 0 : undefined;
    const audit = fn.env.HOOKBRIDGE_AUDIT_TABLE !== undefined;
    profiles.push({
      fn,
      env: fn.env,
      profile: {
        name: typeof fn.env.HOOKBRIDGE_CONSUMER === 'string' ? fn.env.HOOKBRIDGE_CONSUMER : fn.id,
        ...(share !== undefined ? { share } : {}),
        batchSize: numberOf(props.BatchSize) ?? SQS_DEFAULT_BATCH_SIZE,
        batchingWindowSeconds: numberOf(props.MaximumBatchingWindowInSeconds) ?? 0,
        memoryMb: fn.memoryMb,
        architecture: fn.architecture,
        logLevel: fn.logLevel,
        idempotent: !audit && fn.env.HOOKBRIDGE_IDEMPOTENCY_TABLE !== undefined,
        audit,
        tracing: fn.tracing,
      },
    });
  }
  return profiles;
}

/** Bytes of one access log line: the format's literal text plus a typical value per `$context.*` variable. */
export function accessLogLineBytes(format: string): number {
  const variables = format.match(/\$context\.[A-Za-z0-9_.]+/g) ?? [];
  return format.length - variables.join('').length + variables.length * ACCESS_LOG_VALUE_BYTES;
}

/** A disabled rule's pattern: matches nothing. */
const NEVER = Symbol('disabled rule');

/**
 * Share of the webhooks an event pattern matches, when the pattern settles it: 1 when it only
 * pins the account or region (every event on the bus comes from this stack's verifiers), or lists
 * every verifier's `source`; 0 when it lists none of them; otherwise undefined (it depends on the
 * traffic).
 */
function patternShare(pattern: unknown, eventSources: readonly string[] | undefined): number | undefined {
  if (pattern === NEVER) return 0;
  if (typeof pattern !== 'object' || pattern === null) return undefined;
  const fields = Object.keys(pattern);
  if (fields.every((field) => field === 'account' || field === 'region')) return 1;
  const source = (pattern as Record<string, unknown>).source;
  if (eventSources === undefined || !fields.every((field) => field === 'account' || field === 'region' || field === 'source')) return undefined;
  if (!Array.isArray(source) || !source.every((value) => typeof value === 'string')) return undefined;
  const matched = eventSources.filter((s) => source.includes(s)).length;
  return matched === eventSources.length ? 1 : matched === 0 ? 0 : undefined;
}

/** Alarm metrics, split into those on the verifiers' own namespace and the rest (queues, rules). */
function alarmCounts(alarms: readonly [string, CfnResource][], verifiers: readonly LambdaFunction[]): { source: number; other: number } {
  const namespaces = new Set(verifiers.map((f) => f.env.POWERTOOLS_METRICS_NAMESPACE).filter((ns): ns is string => typeof ns === 'string'));
  let source = 0;
  let other = 0;
  for (const [, alarm] of alarms) {
    const props = alarm.Properties ?? {};
    const metrics = (props.Metrics as { MetricStat?: { Metric?: { Namespace?: unknown } }; Expression?: unknown }[] | undefined) ?? [];
    const stats = metrics.filter((m) => m.MetricStat !== undefined).length;
    const count = Math.max(1, stats);
    const spaces = [props.Namespace, ...metrics.map((m) => m.MetricStat?.Metric?.Namespace)].filter((ns): ns is string => typeof ns === 'string');
    const expressions = metrics.map((m) => m.Expression).filter((e): e is string => typeof e === 'string');
    const onVerifiers = spaces.some((ns) => namespaces.has(ns)) || expressions.some((e) => [...namespaces].some((ns) => new RegExp(`\\bFROM\\s+"?${escape(ns)}"?(\\s|$)`).test(e)));
    if (onVerifiers) source += count;
    else other += count;
  }
  return { source, other };
}

function lambdaFunction(id: string, resource: CfnResource): LambdaFunction {
  const props = resource.Properties ?? {};
  const env = ((props.Environment as { Variables?: Env } | undefined)?.Variables ?? {}) as Env;
  const architectures = props.Architectures as unknown[] | undefined;
  const logging = props.LoggingConfig as { ApplicationLogLevel?: unknown } | undefined;
  return {
    id,
    env,
    memoryMb: numberOf(props.MemorySize) ?? LAMBDA_DEFAULT_MEMORY_MB,
    // CloudFormation's default architecture is x86_64.
    architecture: Array.isArray(architectures) && architectures[0] === 'arm64' ? 'arm64' : 'x86_64',
    logLevel: logLevelOf(env.POWERTOOLS_LOG_LEVEL ?? env.LOG_LEVEL ?? logging?.ApplicationLogLevel),
    tracing: (props.TracingConfig as { Mode?: unknown } | undefined)?.Mode === 'Active',
  };
}

/** Powertools' levels on the model's four: TRACE logs at least as much as DEBUG, CRITICAL and SILENT at most as much as ERROR. */
function logLevelOf(value: unknown): LogLevel {
  const level = typeof value === 'string' ? value.toUpperCase() : 'INFO';
  if (level === 'TRACE' || level === 'DEBUG') return 'DEBUG';
  if (level === 'WARN' || level === 'WARNING') return 'WARN';
  if (level === 'ERROR' || level === 'CRITICAL' || level === 'FATAL' || level === 'SILENT') return 'ERROR';
  return 'INFO';
}

function pitrEnabled(props: Record<string, unknown> | undefined): boolean {
  const spec = props?.PointInTimeRecoverySpecification as { PointInTimeRecoveryEnabled?: unknown } | undefined;
  return spec?.PointInTimeRecoveryEnabled === true || spec?.PointInTimeRecoveryEnabled === 'true';
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
function refId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (typeof ref === 'string') return ref;
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** A literal number (or numeric string); undefined for tokens and anything else. */
function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function label(values: readonly (string | number)[]): string {
  return [...new Set(values)].join('/');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
