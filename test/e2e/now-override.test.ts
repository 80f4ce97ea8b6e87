/*
 * End-to-end: NOW_OVERRIDE (`hookbridge local --now`) replays a captured delivery with its original
 * timestamp. The runtime shifts the clock of the functions it runs; the verifier reads no override,
 * so the same signed bytes are judged against the shifted clock exactly as they would have been
 * when the vendor sent them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FixtureSources } from './fixture-app/constants.js';
import { eventually } from '../helpers/e2e/eventually.js';
import { describeOnTarget, E2eTarget, planTarget } from '../helpers/e2e/target.js';

const plan = await planTarget();
/** 2020-09-13T12:26:40Z: a delivery captured long ago. */
const CAPTURED_AT = 1_600_000_000;

describeOnTarget(plan, 'NOW_OVERRIDE', ['clock'], () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await E2eTarget.start(plan, { now: CAPTURED_AT });
  }, 240_000);

  afterAll(async () => {
    await target?.close();
  }, 30_000);

  it('accepts a delivery signed at the overridden time and stamps the event with that clock', async () => {
    // GIVEN a Stripe delivery signed (by Stripe's library) at the captured time
    const webhook = await target.sign(FixtureSources.stripe, 'stripe', { timestamp: CAPTURED_AT });

    // WHEN it is posted to a runtime whose functions' clocks start at that time
    const outcome = await target.sender.send(webhook);

    // THEN it verifies, and the envelope time is on the shifted clock
    expect(outcome.status).toBe(202);
    const key = `webhooks.${FixtureSources.stripe}#${webhook.id}`;
    const rows = await eventually(
      async () => (await target.auditRows()).filter((row) => row.pk?.S === key),
      (found) => found.length === 1,
      { what: `the audit row ${key}` },
    );
    expect(rows[0]!.time?.S?.slice(0, 10)).toBe('2020-09-13');
  });

  it('fails if the delivery is signed with today\'s time: outside the window of the shifted clock', async () => {
    // GIVEN the same kind of delivery signed now
    const webhook = await target.sign(FixtureSources.stripe, 'stripe');

    // WHEN it is posted
    const outcome = await target.sender.send(webhook);

    // THEN the verifier answers 401 timestamp_out_of_window: the override shifts the clock, it does
    // not switch the window off
    expect(outcome.status).toBe(401);
    expect(JSON.parse(outcome.body) as { error: string }).toMatchObject({ error: 'timestamp_out_of_window' });
  });
});
