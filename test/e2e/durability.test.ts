/*
 * End-to-end: a SIGKILL of the local runtime with STATE_DIR while messages are in flight loses
 * nothing that was answered 2xx and doubles nothing — counted from outside: the sender's log of 2xx
 * answers, the downstream server (calls whose caller died before the answer are not side
 * effects) and an SDK Scan of the audit table after a restart on the same STATE_DIR.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DownstreamPaths, FixtureSources, PartnerTypes } from './fixture-app/constants.js';
import { eventually, sleep } from '../helpers/e2e/eventually.js';
import { queueDepth } from '../helpers/e2e/queues.js';
import { describeOnTarget, E2eTarget, planTarget } from '../helpers/e2e/target.js';

const plan = await planTarget();
/** How long before a SIGKILL a consumer may have had a downstream answer without recording the event as done. */
const COMMIT_WINDOW_MS = 1_500;
const pk = (id: string): string => `webhooks.${FixtureSources.partner}#${id}`;

describeOnTarget(plan, 'durability across a SIGKILL', ['downstream', 'restart'], () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await E2eTarget.start(plan, { stateDir: true });
  }, 240_000);

  afterAll(async () => {
    await target?.close();
  }, 30_000);

  it('processes every 2xx-answered event exactly once after SIGKILL and restart on the same STATE_DIR', async () => {
    // GIVEN a slow downstream, so consumers are mid-call when the runtime dies
    target.downstream.delay(DownstreamPaths.ledger, 400);
    const total = 40;
    const killAfter = 24;
    const webhooks = await Promise.all(
      Array.from({ length: total }, (_, i) => target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.ledgerPrefix}durable`, payload: { n: i, run: Date.now() } })),
    );

    // WHEN deliveries stream in, 4 at a time, and the runtime is SIGKILLed once 24 are answered 2xx
    // and consumers are in the middle of downstream calls
    let answered = 0;
    let killed = false;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < webhooks.length && !killed) {
        const outcome = await target.sender.send(webhooks[next++]!, 10_000).catch(() => undefined);
        if (outcome !== undefined && outcome.status < 300) answered += 1;
      }
    };
    const senders = Promise.all(Array.from({ length: 4 }, worker));
    await eventually(
      async () => ({ answered, downstreamCalls: target.downstream.received(DownstreamPaths.ledger).length }),
      (s) => s.answered >= killAfter && s.downstreamCalls + target.downstream.inProgress(DownstreamPaths.ledger) >= 2,
      { what: `${killAfter} answers and consumers calling downstream`, timeoutMs: 20_000, intervalMs: 20 },
    );
    killed = true;
    const killAt = Date.now();
    await target.killRuntime();
    await senders;
    await sleep(600); // let the downstream settle the calls the kill cut off
    const accepted = [...target.sender.acceptedIds()];
    expect(accepted.length).toBeGreaterThanOrEqual(killAfter);
    const inFlightCalls = target.downstream.received(DownstreamPaths.ledger).filter((c) => c.status === 0).length;
    const effectsBeforeKill = target.downstream.received(DownstreamPaths.ledger, { accepted: true }).length;
    console.log(`[e2e] SIGKILL after ${accepted.length} accepted; ${effectsBeforeKill} side effects done, ${inFlightCalls} downstream calls cut off`);
    expect(effectsBeforeKill, 'some events must still be unprocessed at the kill').toBeLessThan(accepted.length);

    // WHEN the runtime restarts on the same STATE_DIR
    target.downstream.delay(DownstreamPaths.ledger, 0);
    await target.startRuntime();

    // THEN every accepted event gets its audit row and its side effect (in-flight ones after their visibility timeout)
    const keys = accepted.map(pk);
    await eventually(
      async () => ({
        missing: keys.filter((key) => target.downstream.effects(DownstreamPaths.ledger, key).length === 0).map((key) => key.slice(-8)),
        queue: await queueDepth(target.sqs, target.output('QueueLedgerUrl')),
        dlq: await queueDepth(target.sqs, target.output('DlqLedgerUrl')),
      }),
      ({ missing }) => missing.length === 0,
      { what: 'a ledger side effect for every accepted event', timeoutMs: 75_000, intervalMs: 500 },
    );
    await eventually(
      async () => {
        const rows = new Set((await target.auditRows()).map((row) => row.pk?.S));
        return { missing: keys.filter((key) => !rows.has(key)).length, auditQueue: await queueDepth(target.sqs, target.output('QueueAuditLogUrl')) };
      },
      ({ missing }) => missing === 0,
      { what: 'an audit row for every accepted event', timeoutMs: 30_000, intervalMs: 500 },
    );
    // ... once in the audit table (its conditional put is exact), and once downstream — except an
    // event whose downstream call had completed when the kill hit before the consumer could record
    // it as done (the at-least-once window every SQS consumer has, on AWS too): that one call is
    // repeated with the same Idempotency-Key, and only for calls made before the kill.
    await sleep(2_000);
    const rows = (await target.auditRows()).map((row) => row.pk?.S);
    const repeated: string[] = [];
    for (const key of keys) {
      expect(rows.filter((row) => row === key), key).toHaveLength(1);
      const effects = target.downstream.effects(DownstreamPaths.ledger, key);
      expect(effects.length, key).toBeGreaterThanOrEqual(1);
      if (effects.length > 1) {
        repeated.push(`${key.slice(-8)} first answered ${effects[0]!.answeredAt - killAt} ms from the kill`);
        expect(effects, key).toHaveLength(2);
        // the first call was made before the kill and answered just before it, or while the killed
        // caller was already gone (the consumer could not have recorded it as done)
        const trail = JSON.stringify(target.downstream.received(DownstreamPaths.ledger).filter((c) => c.key === key).map((c) => ({ at: c.at - killAt, answeredAt: c.answeredAt - killAt, status: c.status, receiveCount: c.body.receiveCount })));
        expect(effects[0]!.at, `${key}: repeat of a call made after the kill; calls (ms from kill): ${trail}`).toBeLessThanOrEqual(killAt);
        expect(effects[0]!.answeredAt, `${key}: repeat of a call answered long before the kill`).toBeGreaterThan(killAt - COMMIT_WINDOW_MS);
      }
    }
    console.log(`[e2e] after restart: ${keys.length} audit rows, ${repeated.length} downstream call(s) repeated across the kill ${JSON.stringify(repeated)}`);
    expect(repeated.length).toBeLessThanOrEqual(effectsBeforeKill);
  }, 150_000);
});
