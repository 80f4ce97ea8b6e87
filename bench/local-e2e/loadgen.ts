import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { httpPost } from '../soak/httpPost.js';

/** One request to send. */
export interface LoadRequest {
  readonly id: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a closed-loop run measured. */
export interface ClosedLoopResult {
  readonly ok: number;
  readonly other: number;
  readonly errors: number;
  readonly seconds: number;
  /** 2xx answers per second. */
  readonly perSecond: number;
}

/** One request of an open-loop run. */
export interface TimedRequest {
  readonly id: string;
  /** `Date.now()` when it was sent (for comparison with timestamps written elsewhere). */
  readonly sentAtEpochMs: number;
  /** Time to the answer, ms (performance clock). */
  readonly responseMs: number;
  readonly status: number;
}

/**
 * Closed loop: `connections` keep-alive connections, each sending the next request as soon as the
 * previous one is answered, for `durationMs` (plain `node:http`, so the generator's own cost is
 * the same for the runtime and for the bare-server baseline).
 */
export async function closedLoop(url: URL, connections: number, durationMs: number, next: () => LoadRequest): Promise<ClosedLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let ok = 0;
  let other = 0;
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const request = next();
      try {
        const answer = await httpPost(url, request.headers, request.body, agent, 10_000);
        if (answer.status >= 200 && answer.status < 300) ok += 1;
        else other += 1;
      } catch {
        errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { ok, other, errors, seconds, perSecond: ok / seconds };
}

/**
 * Open loop: sends at a fixed `rate` per second for `durationMs` whatever the answers (at most
 * `maxInFlight` outstanding; beyond that requests are counted as not sent), so latency is measured
 * at an offered rate rather than at whatever rate the server allows.
 */
export async function openLoop(url: URL, rate: number, durationMs: number, next: () => LoadRequest, maxInFlight = 256): Promise<{ readonly requests: TimedRequest[]; readonly skipped: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const requests: TimedRequest[] = [];
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let skipped = 0;
  let sent = 0;
  const total = Math.round((rate * durationMs) / 1000);
  const start = performance.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) {
      sent += 1;
      if (inFlight >= maxInFlight) {
        skipped += 1;
        continue;
      }
      const request = next();
      const sentAtEpochMs = Date.now();
      const t0 = performance.now();
      inFlight += 1;
      pending.push(
        httpPost(url, request.headers, request.body, agent, 10_000)
          .then((answer) => answer.status)
          .catch(() => 0)
          .then((status) => {
            inFlight -= 1;
            requests.push({ id: request.id, sentAtEpochMs, responseMs: performance.now() - t0, status });
          }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(pending);
  agent.destroy();
  return { requests, skipped };
}
