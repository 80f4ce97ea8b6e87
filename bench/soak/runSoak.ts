import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOAK_DOWNSTREAM_CONTEXT, SOAK_SOURCE, SoakPaths } from './app/constants.js';
import { COMMIT_WINDOW_MS, DRAIN_TIMEOUT_MS, PROGRESS_EVERY_MS, REPLAY_MS_PER_WEBHOOK, REPLAY_TIMEOUT_MS, SENDER_STALL_MS } from './constants.js';
import { DownstreamCounter } from './DownstreamCounter.js';
import { planDeliveries } from './plan.js';
import { RuntimeProcess } from '../shared/runtimeProcess.js';
import { Sender } from './Sender.js';
import { CONSUMER_OUTPUT_NAMES, SoakStack } from './SoakStack.js';
import { synthApp } from '../shared/synthApp.js';
import type { DeliveryKind, SoakCounts, SoakSettings } from './types.js';
import { WaitTimeoutError } from './errors.js';

/** The result of a soak run: its counts and every violated assertion (empty: passed). */
export interface SoakResult {
  readonly counts: SoakCounts;
  readonly violations: readonly string[];
}

const PORT_FILE = join(tmpdir(), 'hookbridge-bench-cache', 'soak-downstream-port');

/**
 * The soak run (issue 4, section 2): synthesizes the soak app, drives `hookbridge local` with
 * signed webhooks (repeats, transient failures, poison), fails PutEvents for a stretch, SIGKILLs
 * and restarts the runtime on the same STATE_DIR once, then fixes the poison consumer, redrives the
 * DLQs and replays a window of the archive — and counts everything from outside.
 */
export async function runSoak(settings: SoakSettings, print: (line: string) => void): Promise<SoakResult> {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const downstream = await startDownstream();
  downstream.respond(SoakPaths.flaky, (previous) => (previous === 0 ? 503 : 200));
  const dir = mkdtempSync(join(tmpdir(), 'hookbridge-soak-'));
  const secret = randomBytes(24).toString('hex');
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ [SOAK_SOURCE]: secret }));
  let runtime: RuntimeProcess | undefined;
  let stack: SoakStack | undefined;
  let sender: Sender | undefined;
  let ticker: NodeJS.Timeout | undefined;
  try {
    print(`[soak] synthesizing bench/soak/app (downstream ${downstream.url}) ...`);
    const { cdkOut, reused } = await synthApp({ app: 'npx tsx bench/soak/app/app.ts', context: { [SOAK_DOWNSTREAM_CONTEXT]: downstream.url }, sources: ['bench/soak/app', 'lib', 'lambdas', 'package-lock.json'] });
    print(`[soak] ${elapsed()} cloud assembly ${reused ? 'reused' : 'synthesized'}: ${cdkOut}`);
    const start = async (): Promise<void> => {
      runtime = await RuntimeProcess.start({ cdkOut, outputsFile: join(dir, 'outputs.json'), secretsFile: join(dir, 'secrets.json'), stateDir: join(dir, 'state'), logFile: join(dir, 'runtime.log') });
      stack?.close();
      stack = new SoakStack(runtime.endpoints!);
    };
    await start();
    print(`[soak] ${elapsed()} runtime ready (webhooks ${stack!.endpoints.webhookBaseUrl}, edge ${stack!.endpoints.edgeUrl}, STATE_DIR ${join(dir, 'state')})`);
    await stack!.setPoisonFlag('broken');

    const runId = `soak${Date.now().toString(36)}`;
    const jobs = planDeliveries(settings.webhooks, runId, secret, stack!.output('WebhookUrlGithub'));
    const unique = new Map(jobs.map((job) => [job.delivery.id, job.delivery]));
    print(`[soak] ${elapsed()} sending ${jobs.length} webhooks (${unique.size} unique deliveries, ${jobs.length - unique.size} repeats) over ${settings.connections} connections`);
    let up = true;
    const webhookPath = new URL(stack!.output('WebhookUrlGithub')).pathname;
    sender = new Sender(() => (up && stack ? new URL(webhookPath, stack.endpoints.webhookBaseUrl) : undefined), settings.connections);
    let busDeliveries = 0;
    let lastBus = 0;
    const progress = async (phase: string): Promise<void> => {
      const s = sender!.stats;
      let queues = 'runtime down';
      if (up) {
        try {
          const state = await stack!.localState();
          lastBus = state.events.invocations ?? 0;
          queues = `queued ${await stack!.queued()}`;
        } catch {
          queues = 'runtime not answering';
        }
      }
      print(
        `[soak] ${elapsed()} ${phase}: sent ${s.jobsDone}/${jobs.length} (2xx ${s.answered2xx}, 503 ${s.answered503}, conn errors ${s.connectionErrors}) | effects ledger ${downstream.effectCount(SoakPaths.ledger)} flaky ${downstream.effectCount(SoakPaths.flaky)} poison ${downstream.effectCount(SoakPaths.poison)} | ${queues}`,
      );
    };
    let phase = 'sending';
    ticker = setInterval(() => void progress(phase), PROGRESS_EVERY_MS);

    // Faults, driven by how far the sender got: PutEvents fails at 30 %, SIGKILL at 60 %.
    const sendStart = new Date();
    const sending = sender.run(jobs, settings.connections);
    let killAt = 0;
    const faults = (async () => {
      await untilSent(sender!, jobs.length * 0.3, 'the sender at 30 %');
      print(`[soak] ${elapsed()} FAULT: PutEvents fails for ${settings.outageSeconds} s`);
      await stack!.fault({ service: 'events', action: 'fail', seconds: settings.outageSeconds });
      await untilSent(sender!, jobs.length * 0.6, 'the sender at 60 %');
      print(`[soak] ${elapsed()} FAULT: SIGKILL of the runtime`);
      up = false;
      busDeliveries += lastBus;
      killAt = Date.now();
      await runtime!.kill();
      await start();
      up = true;
      print(`[soak] ${elapsed()} runtime restarted on the same STATE_DIR in ${((Date.now() - killAt) / 1000).toFixed(1)} s`);
    })();
    await Promise.all([sending, faults]);
    const sendEnd = new Date();
    print(`[soak] ${elapsed()} all webhooks answered: ${sender.accepted.size} unique deliveries accepted`);

    phase = 'draining';
    // Poison messages: at least one per unique poison delivery, at most one per 2xx answer to one
    // (a repeated delivery is published again; the consumers' idempotency absorbs it, not the bus).
    const poison = [...unique.values()].filter((d) => d.kind === 'poison');
    const expectDlq = { min: poison.filter((d) => sender!.accepted.has(d.id)).length, max: poison.reduce((sum, d) => sum + (sender!.answers2xx.get(d.id) ?? 0), 0) };
    await drained(stack!, 'every consumer queue empty after the sends', async () => (await stack!.deadLetters()).Poison! >= expectDlq.min);
    await settle(downstream);
    const dlqBeforeRedrive = await stack!.deadLetters();
    print(`[soak] ${elapsed()} drained; DLQs before redrive ${JSON.stringify(dlqBeforeRedrive)}`);

    phase = 'redrive';
    await stack!.setPoisonFlag('fixed');
    for (const name of CONSUMER_OUTPUT_NAMES) {
      if ((dlqBeforeRedrive[name] ?? 0) === 0) continue;
      const moved = await stack!.redrive(name, 120_000);
      print(`[soak] ${elapsed()} redrove ${moved} messages of the ${name} DLQ`);
    }
    await drained(stack!, 'every consumer queue empty after the redrive', async () => true);
    await settle(downstream);
    const dlqAfterRedrive = await stack!.deadLetters();

    phase = 'replay';
    const snapshot = effectSnapshot(downstream);
    const auditBefore = (await stack!.auditKeys()).length;
    const sentBefore = await queueSent(stack!);
    const windowEnd = new Date(sendStart.getTime() + Math.max(2_000, (sendEnd.getTime() - sendStart.getTime()) * 0.2));
    const replayName = `soak-${runId}`;
    print(`[soak] ${elapsed()} replaying the archive over ${sendStart.toISOString()} .. ${windowEnd.toISOString()}`);
    await stack!.replay(replayName, sendStart, windowEnd, Math.max(REPLAY_TIMEOUT_MS, settings.webhooks * REPLAY_MS_PER_WEBHOOK));
    await drained(stack!, 'every consumer queue empty after the replay', async () => true);
    await settle(downstream);
    const redelivered = (await queueSent(stack!)) - sentBefore;
    const after = effectSnapshot(downstream);
    const auditKeys = await stack!.auditKeys();
    let effectsChanged = 0;
    for (const [key, count] of after) if (snapshot.get(key) !== count) effectsChanged += 1;
    clearInterval(ticker);
    ticker = undefined;
    busDeliveries += (await stack!.localState()).events.invocations ?? 0;

    const counts = countAll({ settings, jobs: jobs.length, unique, sender, downstream, auditKeys, killAt, dlqBeforeRedrive, dlqAfterRedrive, busDeliveries, replay: { messagesRedelivered: redelivered, effectsChanged, auditRowsChanged: auditKeys.length - auditBefore }, seconds: (Date.now() - started) / 1000 });
    return { counts, violations: violationsOf(counts, expectDlq, sender) };
  } finally {
    if (ticker) clearInterval(ticker);
    sender?.close();
    stack?.close();
    await runtime?.stop();
    await downstream.close();
    if (process.env.SOAK_KEEP_TMP) print(`[soak] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The downstream server, on the port of the last run when it is free (so the cached assembly fits). */
async function startDownstream(): Promise<DownstreamCounter> {
  if (existsSync(PORT_FILE)) {
    const port = Number(readFileSync(PORT_FILE, 'utf8'));
    const reused = await DownstreamCounter.start(port).catch(() => undefined);
    if (reused) return reused;
  }
  const fresh = await DownstreamCounter.start();
  mkdirSync(join(tmpdir(), 'hookbridge-bench-cache'), { recursive: true });
  writeFileSync(PORT_FILE, new URL(fresh.url).port);
  return fresh;
}

/**
 * Waits until the sender has answered `count` jobs. Bounded by progress, not by a deadline: a full
 * run at a few dozen webhooks/s takes far longer than any fixed bound, but a sender that answers
 * nothing for {@link SENDER_STALL_MS} is stuck.
 */
async function untilSent(sender: Sender, count: number, what: string): Promise<void> {
  let last = sender.stats.jobsDone;
  let lastChange = Date.now();
  while (sender.stats.jobsDone < count) {
    if (sender.stats.jobsDone !== last) {
      last = sender.stats.jobsDone;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > SENDER_STALL_MS) {
      throw new WaitTimeoutError(what, SENDER_STALL_MS, `no answer for ${SENDER_STALL_MS} ms at ${last} of ${count} jobs`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until every consumer queue is empty twice in a row and `extra` holds. Bounded by progress:
 * it fails when the queued count has not reached a new low for {@link DRAIN_TIMEOUT_MS} (a full run
 * drains for longer than any fixed bound would allow, a stuck consumer does not drain at all).
 */
async function drained(stack: SoakStack, what: string, extra: () => Promise<boolean>): Promise<void> {
  let emptyTimes = 0;
  let last = -1;
  let lowest = Number.POSITIVE_INFINITY;
  let lastProgress = Date.now();
  while (emptyTimes < 2) {
    last = await stack.queued();
    if (last < lowest) {
      lowest = last;
      lastProgress = Date.now();
    }
    emptyTimes = last === 0 && (await extra()) ? emptyTimes + 1 : 0;
    if (Date.now() - lastProgress > DRAIN_TIMEOUT_MS) throw new WaitTimeoutError(what, DRAIN_TIMEOUT_MS, `${last} messages queued, no new low since ${lowest}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until the downstream counts stop moving for 2 s (bounded by 30 s). */
async function settle(downstream: DownstreamCounter): Promise<void> {
  const total = (): number => Object.values(SoakPaths).reduce((sum, path) => sum + downstream.effectCount(path), 0);
  const deadline = Date.now() + 30_000;
  let last = -1;
  while (Date.now() < deadline) {
    const now = total();
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

function effectSnapshot(downstream: DownstreamCounter): Map<string, number> {
  const snapshot = new Map<string, number>();
  for (const path of Object.values(SoakPaths)) for (const [key, calls] of downstream.keys(path)) snapshot.set(`${path} ${key}`, calls.effects.length);
  return snapshot;
}

/** Messages SQS received from EventBridge into the consumer queues (`/_local/state`), for the replay. */
async function queueSent(stack: SoakStack): Promise<number> {
  const state = await stack.localState();
  const urls = new Set(CONSUMER_OUTPUT_NAMES.map((name) => stack.output(`Queue${name}Url`)));
  let total = 0;
  for (const queue of Object.values(state.queues) as { url?: string; sent: number }[]) if (queue.url && urls.has(queue.url)) total += queue.sent;
  return total;
}

interface CountInput {
  readonly settings: SoakSettings;
  readonly jobs: number;
  readonly unique: ReadonlyMap<string, { readonly kind: DeliveryKind }>;
  readonly sender: Sender;
  readonly downstream: DownstreamCounter;
  readonly auditKeys: readonly string[];
  readonly killAt: number;
  readonly dlqBeforeRedrive: Readonly<Record<string, number>>;
  readonly dlqAfterRedrive: Readonly<Record<string, number>>;
  readonly busDeliveries: number;
  readonly replay: SoakCounts['replay'];
  readonly seconds: number;
}

function countAll(input: CountInput): SoakCounts {
  const { sender, downstream, unique } = input;
  const key = (id: string): string => `webhooks.${SOAK_SOURCE}#${id}`;
  const accepted = [...sender.accepted];
  const acceptedKeys = new Set(accepted.map(key));
  const effects: Record<string, SoakCounts['effects'][string]> = {};
  const doubledSamples: string[] = [];
  const consumers: [string, string, (kind: DeliveryKind) => boolean][] = [
    ['ledger', SoakPaths.ledger, () => true],
    ['flaky', SoakPaths.flaky, (kind) => kind === 'flaky'],
    ['poison', SoakPaths.poison, (kind) => kind === 'poison'],
  ];
  for (const [name, path, takes] of consumers) {
    const calls = downstream.keys(path);
    let expected = 0;
    let lost = 0;
    let doubled = 0;
    let repeatedAcrossKill = 0;
    let total = 0;
    for (const id of accepted) {
      if (!takes(unique.get(id)!.kind)) continue;
      expected += 1;
      const made = calls.get(key(id))?.effects ?? [];
      if (made.length === 0) lost += 1;
      if (made.length > 1) {
        // A repeat is the at-least-once window only when exactly one extra call follows a first one
        // answered just before the SIGKILL (the consumer had no time to record it as done).
        const first = made[0]!;
        if (made.length === 2 && first <= input.killAt + 50 && first > input.killAt - COMMIT_WINDOW_MS) repeatedAcrossKill += 1;
        else {
          doubled += 1;
          if (doubledSamples.length < 5) doubledSamples.push(`${name} ${id}: effects at ${made.map((t) => `${t - input.killAt} ms`).join(', ')} from the SIGKILL`);
        }
      }
    }
    let unexpected = 0;
    for (const [k, c] of calls) {
      total += c.effects.length;
      if (!acceptedKeys.has(k) && c.effects.length > 0) unexpected += 1;
    }
    effects[name] = { expected, keys: calls.size, effects: total, lost, doubled, repeatedAcrossKill, unexpected };
  }
  const auditSet = new Set(input.auditKeys);
  const auditLost = [...acceptedKeys].filter((k) => !auditSet.has(k)).length;
  const auditUnexpected = input.auditKeys.filter((k) => !acceptedKeys.has(k)).length;
  const auditDoubled = input.auditKeys.length - auditSet.size;
  const s = sender.stats;
  return {
    sent: input.jobs,
    uniqueDeliveries: unique.size,
    repeats: input.jobs - unique.size,
    httpRequests: s.httpRequests,
    answered2xx: s.answered2xx,
    answered503: s.answered503,
    answeredOther: s.answeredOther,
    connectionErrors: s.connectionErrors,
    acceptedUnique: accepted.length,
    notAccepted: unique.size - accepted.length,
    eventsOnBus: input.busDeliveries,
    auditRows: input.auditKeys.length,
    effects,
    auditLost,
    auditUnexpected,
    dlqBeforeRedrive: input.dlqBeforeRedrive,
    dlqAfterRedrive: input.dlqAfterRedrive,
    replay: input.replay,
    lost: Object.values(effects).reduce((sum, e) => sum + e.lost, 0) + auditLost,
    doubled: Object.values(effects).reduce((sum, e) => sum + e.doubled, 0) + auditDoubled,
    seconds: input.seconds,
    doubledSamples,
  };
}

function violationsOf(counts: SoakCounts, expectDlq: { readonly min: number; readonly max: number }, sender: Sender): string[] {
  const violations: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) violations.push(message);
  };
  check(counts.notAccepted === 0, `${counts.notAccepted} unique deliveries never answered 2xx (odd answers: ${sender.oddAnswers.join(' | ') || 'none'})`);
  check(counts.answeredOther === 0, `${counts.answeredOther} answers neither 2xx nor 503 (${sender.oddAnswers.join(' | ')})`);
  check(counts.answered503 > 0, 'no 503 seen: the PutEvents outage did not happen');
  check(counts.lost === 0, `lost ${counts.lost} (audit ${counts.auditLost}, ${Object.entries(counts.effects).map(([n, e]) => `${n} ${e.lost}`).join(', ')})`);
  check(counts.doubled === 0, `doubled ${counts.doubled} (${Object.entries(counts.effects).map(([n, e]) => `${n} ${e.doubled}`).join(', ')})`);
  for (const [name, e] of Object.entries(counts.effects)) {
    check(e.unexpected === 0, `${name}: ${e.unexpected} side effects for deliveries never answered 2xx`);
    check(e.keys - e.unexpected === e.expected, `${name}: side effects for ${e.keys - e.unexpected} deliveries, expected ${e.expected}`);
  }
  check(counts.auditRows === counts.acceptedUnique && counts.auditUnexpected === 0, `audit rows ${counts.auditRows} != unique accepted deliveries ${counts.acceptedUnique} (unexpected ${counts.auditUnexpected})`);
  const poisonDlq = counts.dlqBeforeRedrive.Poison ?? 0;
  check(poisonDlq >= expectDlq.min && poisonDlq <= expectDlq.max, `poison DLQ held ${poisonDlq} before the redrive, expected ${expectDlq.min} (unique poison deliveries) to ${expectDlq.max} (2xx answers to them)`);
  for (const [name, count] of Object.entries(counts.dlqBeforeRedrive)) if (name !== 'Poison') check(count === 0, `${name} DLQ held ${count} before the redrive (only poison should dead-letter)`);
  check(Object.values(counts.dlqAfterRedrive).every((n) => n === 0), `DLQs not empty after the redrive: ${JSON.stringify(counts.dlqAfterRedrive)}`);
  check(counts.replay.messagesRedelivered > 0, 'the replay re-delivered nothing');
  check(counts.replay.effectsChanged === 0 && counts.replay.auditRowsChanged === 0, `the replay changed ${counts.replay.effectsChanged} side effects and ${counts.replay.auditRowsChanged} audit rows`);
  return violations;
}
