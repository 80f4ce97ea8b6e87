import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { figure } from '../figure.js';
import type { Figure } from '../types.js';
import { RuntimeProcess } from '../shared/runtimeProcess.js';
import { synthApp } from '../shared/synthApp.js';
import { startBareHttp } from './childServer.js';
import { CONNECTIONS, DRAIN_TIMEOUT_MS, DYNALITE_CONCURRENCY, FULL_SECONDS, SDK_FLOOR_CONCURRENCY, FULL_WARMUP_SECONDS, QUICK_WARMUP_SECONDS, LATENCY_RATE, QUICK_SECONDS, TARGET_ACCEPTED_PER_SECOND, TARGET_P99_MS, TARGET_SUSTAINED_PER_SECOND } from './constants.js';
import { dynalitePutsPerSecond } from './dynaliteFloor.js';
import { githubRequests } from './githubRequests.js';
import { sdkPairsPerSecond } from './sdkFloor.js';
import { cpuBetween, ThreadCpuMeter, type ThreadCpu } from './threadCpu.js';
import { closedLoop, openLoop } from './loadgen.js';
import { monotonicUs, summarizeProfiles, type ProfileRow, type ProfileWindow } from './summarizeProfile.js';

/** Options of the local end-to-end section. */
export interface LocalE2eOptions {
  /** A few seconds per measurement instead of {@link FULL_SECONDS}. */
  readonly quick: boolean;
  /** Where progress lines go. @default console.log */
  readonly print?: (line: string) => void;
}

/** Figures plus the method notes and the CPU profile summary. */
export interface LocalE2eReport {
  readonly figures: Figure[];
  readonly notes: string[];
}

/** The section as the harness's hook expects: the figures only (notes are printed). */
export async function runLocalE2eSection(options: LocalE2eOptions): Promise<Figure[]> {
  const print = options.print ?? ((line: string) => console.log(line));
  const report = await runLocalE2eReport({ ...options, print });
  for (const note of report.notes) print(`  ${note}`);
  return report.figures;
}

/**
 * Issue 4 §1 "Local end-to-end", measured against `hookbridge local` running the DEFAULT app
 * (bin/app.ts, synthesized once into a cached assembly) in a child process, on 127.0.0.1:
 * accepted webhooks/s (closed loop, signed GitHub deliveries, keep-alive connections), the
 * sustained end-to-end rate for GitHub events (accepted until every audit row is written), and the
 * webhook → audit-row latency at a fixed offered rate; beside them, in the same run, bare
 * `node:http` with the same load generator and dynalite's own conditional PutItem/s; then CPU
 * profiles of a second runtime under the accepted/s load: its main thread (`node --cpu-prof`) and
 * each function execution environment (the runtime's `CPU_PROF_DIR`).
 */
export async function runLocalE2eReport(options: LocalE2eOptions): Promise<LocalE2eReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const ms = (options.quick ? QUICK_SECONDS : FULL_SECONDS) * 1000;
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hookbridge-local-e2e-'));
  const secret = randomBytes(24).toString('hex');
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ github: secret }));
  try {
    print('[local-e2e] synthesizing the default app (bin/app.ts) ...');
    const { cdkOut } = await synthApp({ app: 'npx tsx bin/app.ts', context: {}, sources: ['bin', 'lib', 'lambdas', 'package-lock.json'] });

    // Baselines first, on an otherwise idle runtime-free machine state.
    const bare = await startBareHttp();
    const bareRate = await closedLoop(new URL('/webhooks/github', bare.url), CONNECTIONS, ms, githubRequests(`${bare.url}/webhooks/github`, secret, 'bare'));
    const bareLatency = await openLoop(new URL('/webhooks/github', bare.url), LATENCY_RATE, ms, githubRequests(`${bare.url}/webhooks/github`, secret, 'barelat'));
    await bare.stop();
    print(`[local-e2e] bare node:http: ${bareRate.perSecond.toFixed(0)} req/s`);
    const putsPerSecond = await dynalitePutsPerSecond(DYNALITE_CONCURRENCY, ms);
    print(`[local-e2e] dynalite conditional PutItem: ${putsPerSecond.toFixed(0)}/s`);

    const runtime = await RuntimeProcess.start({ cdkOut, outputsFile: join(dir, 'outputs.json'), secretsFile: join(dir, 'secrets.json'), logFile: join(dir, 'runtime.log') });
    const endpoints = runtime.endpoints!;
    const aws = { region: 'us-east-1', endpoint: endpoints.edgeUrl, credentials: { accessKeyId: 'BENCHADMIN', secretAccessKey: 'bench' } };
    const dynamodb = new DynamoDBClient(aws);
    const sqs = new SQSClient(aws);
    const url = endpoints.outputs.WebhookUrlGithub!;
    const auditQueue = endpoints.outputs.QueueAuditLogUrl!;
    const auditTable = endpoints.outputs.AuditTableName!;
    let accepted: Awaited<ReturnType<typeof closedLoop>>;
    let sustained: number;
    let latency: Awaited<ReturnType<typeof openLoop>>;
    let e2eLatencies: number[];
    let sdkPairs: number;
    let cpu: ThreadCpu | undefined;
    const meter = runtime.pid === undefined ? undefined : ThreadCpuMeter.attach(runtime.pid);
    try {
      // The SDK's own floor on this runtime: the two calls a GitHub webhook makes, nothing else.
      sdkPairs = await sdkPairsPerSecond({ edgeUrl: endpoints.edgeUrl }, SDK_FLOOR_CONCURRENCY, ms);
      print(`[local-e2e] SDK floor (PutEvents + conditional PutItem through the edge): ${sdkPairs.toFixed(0)} pairs/s`);

      // Warm-up at the measured concurrency, so every execution environment the burst uses has
      // paid its cold start (cold starts are measured on their own, in the bundles section).
      const warmupSeconds = options.quick ? QUICK_WARMUP_SECONDS : FULL_WARMUP_SECONDS;
      const warmup = await closedLoop(new URL(url), CONNECTIONS, warmupSeconds * 1000, githubRequests(url, secret, 'warm'));
      await drain(sqs, auditQueue);
      notes.push(`warm-up: ${CONNECTIONS} connections for ${warmupSeconds} s (${warmup.ok} webhooks) before the burst; functions' cold starts are in the bundles section.`);

      // Accepted/s and, from the same burst, the sustained end-to-end rate: every accepted GitHub
      // event has its audit row written (the queue is drained) — accepted ÷ time to the last row.
      const burstStart = performance.now();
      const cpuBefore = meter?.sample();
      accepted = await closedLoop(new URL(url), CONNECTIONS, ms, githubRequests(url, secret, 'burst'));
      const depthAfterBurst = await depth(sqs, auditQueue);
      await drain(sqs, auditQueue);
      const cpuAfter = meter?.sample();
      cpu = cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : undefined;
      sustained = accepted.ok / ((performance.now() - burstStart) / 1000);
      print(`[local-e2e] accepted ${accepted.perSecond.toFixed(0)}/s (${accepted.ok} in ${accepted.seconds.toFixed(1)} s; other ${accepted.other}, errors ${accepted.errors}); audit queue ${depthAfterBurst} deep after the burst; sustained ${sustained.toFixed(0)}/s`);
      notes.push(`accepted/s: closed loop, ${CONNECTIONS} keep-alive connections, distinct signed GitHub deliveries, ${ms / 1000} s; the audit queue held ${depthAfterBurst} messages when the burst ended.`);
      notes.push(
        cpu
          ? `CPU per webhook (burst + drain, from /proc/<pid>/task): main thread ${perWebhookMs(cpu.main, accepted.ok)} ms (gateway, edge, services, dynalite, pollers, log output), V8/libuv threads ${perWebhookMs(cpu.runtime, accepted.ok)} ms (GC, compiler), function threads ${perWebhookMs(cpu.functions, accepted.ok)} ms (verifier + audit consumer, their SDK calls included); total ${perWebhookMs(cpu.main + cpu.runtime + cpu.functions, accepted.ok)} ms.`
          : 'CPU per webhook by thread: not available (needs /proc/<pid>/task, Linux).',
      );
      notes.push(`SDK floor: ${SDK_FLOOR_CONCURRENCY} callers in the bench process each making PutEvents (2 KiB, to the default bus, where no rule matches) then a conditional PutItem through the same runtime's edge, ${ms / 1000} s: ${sdkPairs.toFixed(0)} pairs/s — every webhook makes these two calls with the real SDK inside its functions.`);

      // Latency at a fixed offered rate: send time → the audit row's receivedAt (stamped by the
      // consumer right before its conditional put).
      latency = await openLoop(new URL(url), LATENCY_RATE, ms, githubRequests(url, secret, 'lat'));
      await drain(sqs, auditQueue);
      const rows = await scanReceivedAt(dynamodb, auditTable, 'webhooks.github#lat-');
      e2eLatencies = latency.requests.filter((r) => r.status >= 200 && r.status < 300 && rows.has(r.id)).map((r) => rows.get(r.id)! - r.sentAtEpochMs);
      notes.push(`latency at ${LATENCY_RATE} rps (open loop, ${ms / 1000} s, ${latency.skipped} requests not sent for lack of a free connection): webhook sent → the audit row's receivedAt (ms clock, same machine); ${e2eLatencies.length} of ${latency.requests.length} rows found.`);
    } finally {
      dynamodb.destroy();
      sqs.destroy();
      await runtime.stop();
    }

    // Where the time goes: a second runtime, its main thread under `node --cpu-prof` and every
    // function execution environment profiled by the runtime itself (CPU_PROF_DIR, written when it
    // stops); warmed up like the measured runtime, then the accepted/s load and the drain of the
    // audit queue it fills. Only samples between load start and drained count.
    const mainProfileDir = join(dir, 'profile-main');
    const functionProfileDir = join(dir, 'profile-functions');
    mkdirSync(mainProfileDir);
    const profiled = await RuntimeProcess.start({ cdkOut, outputsFile: join(dir, 'outputs-prof.json'), secretsFile: join(dir, 'secrets.json'), logFile: join(dir, 'runtime-prof.log'), cpuProfDir: functionProfileDir, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', mainProfileDir] });
    let window: ProfileWindow;
    let profiledLoad: Awaited<ReturnType<typeof closedLoop>>;
    let profiledCpu: ThreadCpu | undefined;
    const profiledWarmupSeconds = options.quick ? QUICK_WARMUP_SECONDS : FULL_WARMUP_SECONDS;
    // V8 samples by wall clock (a thread waiting for a core looks busy), so CPU time comes from /proc.
    const profiledMeter = profiled.pid === undefined ? undefined : ThreadCpuMeter.attach(profiled.pid);
    try {
      const profEndpoints = profiled.endpoints;
      const profSqs = new SQSClient({ region: 'us-east-1', endpoint: profEndpoints.edgeUrl, credentials: { accessKeyId: 'BENCHADMIN', secretAccessKey: 'bench' } });
      const profUrl = profEndpoints.outputs.WebhookUrlGithub!;
      const profAudit = profEndpoints.outputs.QueueAuditLogUrl!;
      try {
        await closedLoop(new URL(profUrl), CONNECTIONS, profiledWarmupSeconds * 1000, githubRequests(profUrl, secret, 'profwarm'));
        await drain(profSqs, profAudit);
        const fromUs = monotonicUs();
        const before = profiledMeter?.sample();
        profiledLoad = await closedLoop(new URL(profUrl), CONNECTIONS, Math.min(ms, 5_000), githubRequests(profUrl, secret, 'prof'));
        await drain(profSqs, profAudit);
        const after = profiledMeter?.sample();
        window = { fromUs, toUs: monotonicUs() };
        profiledCpu = before && after ? cpuBetween(before, after) : undefined;
      } finally {
        profSqs.destroy();
      }
    } finally {
      await profiled.stop();
    }
    const main = summarizeProfiles(mainProfileDir, window);
    const fns = summarizeProfiles(functionProfileDir, window, 8);
    const spanS = (window.toUs - window.fromUs) / 1e6;
    const cpuPerWebhook = (seconds: number | undefined): string => (seconds === undefined ? 'n/a (no /proc)' : `${perWebhookMs(seconds, profiledLoad.ok)} ms`);
    const shares = (rows: readonly ProfileRow[]): string => rows.filter((r) => r.share >= 0.005).map((r) => `${r.name} ${(r.share * 100).toFixed(0)}%`).join(', ');
    const topRows = (rows: readonly ProfileRow[]): string => rows.map((r) => `${r.name} ${(r.share * 100).toFixed(1)}%`).join('; ');
    const scope = `${profiledLoad.ok} webhooks in ${spanS.toFixed(1)} s of load + drain after a ${profiledWarmupSeconds} s warm-up at ${CONNECTIONS} connections`;
    notes.push(`CPU profile, main thread (node --cpu-prof; ${scope}): CPU ${cpuPerWebhook(profiledCpu?.main)}/webhook (/proc); shares of its non-idle samples by area — ${shares(main.areas)}`);
    notes.push(`  main thread top self time: ${topRows(main.functions)}`);
    notes.push(`CPU profile, function threads (CPU_PROF_DIR: ${fns.activeFiles} of ${fns.files} environments busy, init excluded): CPU ${cpuPerWebhook(profiledCpu?.functions)}/webhook (/proc, profiler threads included); shares of non-idle samples by function — ${shares(fns.groups)}; by area (bundle frames mapped through index.js.map) — ${shares(fns.areas)}`);
    notes.push(`  function threads top self time: ${topRows(fns.functions)}`);

    const bareLat = percentiles(bareLatency.requests.filter((r) => r.status === 202).map((r) => r.responseMs));
    const response = percentiles(latency.requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.responseMs));
    const e2e = percentiles(e2eLatencies);
    const bareBaseline = { name: 'bare node:http req/s (same load generator)', value: bareRate.perSecond };
    const sdkBaseline = { name: 'SDK floor: PutEvents + PutItem pairs/s through the edge', value: sdkPairs };
    const putBaseline = { name: 'dynalite conditional PutItem/s', value: putsPerSecond };
    const absolute = (f: Figure, ok: boolean): Figure => ({ ...f, met: ok });
    return {
      figures: [
        absolute(
          figure({ id: 'local-e2e.accepted', label: 'webhooks accepted/s (default app, signed GitHub)', value: accepted.perSecond, unit: '/s', baseline: bareBaseline, target: { text: `≥ ${TARGET_ACCEPTED_PER_SECOND}/s` } }),
          accepted.perSecond >= TARGET_ACCEPTED_PER_SECOND,
        ),
        absolute(
          figure({ id: 'local-e2e.sustained.github', label: 'sustained end-to-end GitHub events/s (accepted = audited)', value: sustained, unit: '/s', baseline: putBaseline, target: { text: `≥ ${TARGET_SUSTAINED_PER_SECOND}/s` } }),
          sustained >= TARGET_SUSTAINED_PER_SECOND,
        ),
        figure({ id: 'local-e2e.latency.p50', label: `webhook → audit row p50 at ${LATENCY_RATE} rps`, value: e2e.p50, unit: 'ms', baseline: { name: `bare node:http response p50 at ${LATENCY_RATE} rps`, value: Math.max(bareLat.p50, 0.001) } }),
        absolute(
          figure({ id: 'local-e2e.latency.p99', label: `webhook → audit row p99 at ${LATENCY_RATE} rps`, value: e2e.p99, unit: 'ms', baseline: { name: `bare node:http response p99 at ${LATENCY_RATE} rps`, value: Math.max(bareLat.p99, 0.001) }, target: { text: `≤ ${TARGET_P99_MS} ms` } }),
          e2e.p99 <= TARGET_P99_MS,
        ),
        figure({ id: 'local-e2e.response.p99', label: `webhook response (202) p99 at ${LATENCY_RATE} rps`, value: response.p99, unit: 'ms', baseline: { name: `bare node:http response p99 at ${LATENCY_RATE} rps`, value: Math.max(bareLat.p99, 0.001) } }),
        figure({ id: 'local-e2e.accepted-vs-sdk-floor', label: 'webhooks accepted/s vs the SDK floor (same runtime)', value: accepted.perSecond, unit: '/s', baseline: sdkBaseline }),
        figure({ id: 'local-e2e.sdk-floor', label: 'SDK floor: PutEvents + conditional PutItem pairs/s through the edge', value: sdkPairs, unit: '/s', baseline: bareBaseline }),
        figure({ id: 'local-e2e.dynalite.puts', label: 'dynalite conditional PutItem/s (floor of a writing consumer)', value: putsPerSecond, unit: '/s', baseline: bareBaseline }),
      ],
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function depth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }));
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) + Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0);
}

/** Waits (bounded) until the queue is empty. */
async function drain(sqs: SQSClient, queueUrl: string): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await depth(sqs, queueUrl)) > 0) {
    if (Date.now() > deadline) throw new Error(`${queueUrl} not drained within ${DRAIN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `receivedAt` (epoch ms) of every audit row whose `pk` starts with `prefix`, by delivery id. */
async function scanReceivedAt(dynamodb: DynamoDBClient, table: string, prefix: string): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start, ProjectionExpression: 'pk, receivedAt' }));
    for (const item of page.Items ?? []) {
      const pk = item.pk?.S ?? '';
      if (pk.startsWith(prefix) && item.receivedAt?.S) rows.set(pk.slice('webhooks.github#'.length), Date.parse(item.receivedAt.S));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return rows;
}

function perWebhookMs(seconds: number, webhooks: number): string {
  return webhooks > 0 ? ((seconds * 1000) / webhooks).toFixed(2) : 'n/a';
}

function percentiles(values: readonly number[]): { p50: number; p99: number } {
  if (values.length === 0) return { p50: Number.NaN, p99: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}
