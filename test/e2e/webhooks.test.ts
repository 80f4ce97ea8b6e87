/*
 * End-to-end: signed webhooks over real HTTP through the whole stack of the fixture app (verifier →
 * bus → rules → queues → consumers), counted from outside: the sender's log of 2xx answers, the
 * test's downstream HTTP server and an SDK Scan of the audit table.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DownstreamPaths, FixtureSources, PartnerTypes } from './fixture-app/constants.js';
import { eventually, sleep } from '../helpers/e2e/eventually.js';
import { describeOnTarget, E2eTarget, planTarget } from '../helpers/e2e/target.js';
import type { FixtureScheme } from '../helpers/e2e/signWebhook.js';

const plan = await planTarget();
const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');
const pk = (source: string, id: string): string => `webhooks.${source}#${id}`;

describeOnTarget(plan, 'webhooks end to end', ['downstream'], () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await E2eTarget.start(plan);
  }, 240_000);

  afterAll(async () => {
    await target?.close();
  }, 30_000);

  /** Waits until `pk` has an audit row, then a little longer, and returns how many rows it has. */
  const settledAuditRows = async (key: string): Promise<number> => {
    await eventually(() => target.auditRowsOf(key), (n) => n >= 1, { what: `an audit row ${key}` });
    await sleep(1_500);
    return target.auditRowsOf(key);
  };

  it("delivers every scheme's signed webhook to the audit table exactly once", async () => {
    // GIVEN one signed delivery per source, each signed with the vendor's own scheme
    const sources: [string, FixtureScheme][] = [
      [FixtureSources.github, 'github'],
      [FixtureSources.stripe, 'stripe'],
      [FixtureSources.slack, 'slack'],
      [FixtureSources.shopify, 'shopify'],
      [FixtureSources.standard, 'standard'],
      [FixtureSources.twilio, 'twilio'],
      [FixtureSources.generic, 'generic'],
      [FixtureSources.partner, 'partner'],
    ];
    const webhooks = await Promise.all(sources.map(([source, scheme]) => target.sign(source, scheme)));

    // WHEN they are posted
    const answers = await Promise.all(webhooks.map((w) => target.sender.send(w)));

    // THEN each is accepted (Twilio with empty TwiML), and lands in the audit table once, with its scheme
    answers.forEach((answer, i) => {
      const [source] = sources[i]!;
      if (source === FixtureSources.twilio) {
        expect(answer.status, answer.body).toBe(200);
        expect(answer.body).toContain('<Response/>');
      } else {
        expect(answer.status, `${source}: ${answer.body}`).toBe(202);
        expect(JSON.parse(answer.body)).toEqual({ id: webhooks[i]!.id });
      }
    });
    const keys = sources.map(([source], i) => pk(source, webhooks[i]!.id));
    const rows = await eventually(
      () => target.auditRows(),
      (all) => keys.every((key) => all.some((row) => row.pk?.S === key)),
      { what: `audit rows for ${keys.join(', ')}` },
    );
    await sleep(1_500);
    const settled = await target.auditRows();
    for (const [i, key] of keys.entries()) {
      expect(settled.filter((row) => row.pk?.S === key), key).toHaveLength(1);
      const row = rows.find((r) => r.pk?.S === key)!;
      expect(row.type?.S).toBe(webhooks[i]!.type);
      expect(row.scheme?.S).toBe(sources[i]![1] === 'partner' ? 'generic' : sources[i]![1]);
    }
  });

  it('runs the production crm-sync consumer against the downstream server once per Shopify order', async () => {
    // GIVEN a Shopify orders/create delivery
    const order = { id: 820982911946154500, name: '#1001', email: 'jon@example.com', total_price: '199.00', currency: 'EUR', line_items: [{ id: 1, title: 'Hat', quantity: 1, price: '199.00' }] };
    const webhook = await target.sign(FixtureSources.shopify, 'shopify', { type: 'orders/create', payload: order });

    // WHEN it is posted
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN crm-sync calls its downstream once, with the order mapped and source#id as idempotency key
    const key = pk(FixtureSources.shopify, webhook.id);
    const [call] = await eventually(async () => target.downstream.effects(DownstreamPaths.crmSync, key), (c) => c.length >= 1, { what: 'the crm-sync call' });
    expect(call!.consumer).toBe('crm-sync');
    expect((call!.body.payload as { lastOrder: { id: string; total: string } }).lastOrder).toMatchObject({ id: '820982911946154500', total: '199.00' });
    await sleep(1_500);
    expect(target.downstream.effects(DownstreamPaths.crmSync, key)).toHaveLength(1);
  });

  it('carries a source, rule and consumer that only the fixture app defines', async () => {
    // GIVEN the partner source (sha512/base64 in X-Partner-Signature) and its ledger consumer
    const payload = { entry: 'E-1', amount: 42 };
    const webhook = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.ledgerPrefix}posted`, payload });

    // WHEN a delivery is posted
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN the ledger consumer reports it once, payload intact
    const key = pk(FixtureSources.partner, webhook.id);
    const [call] = await eventually(async () => target.downstream.effects(DownstreamPaths.ledger, key), (c) => c.length >= 1, { what: 'the ledger report' });
    expect(call!.body).toMatchObject({ consumer: 'ledger', type: 'ledger.posted', data: payload, receiveCount: 1 });
    expect(await settledAuditRows(key)).toBe(1);
  });

  it('absorbs duplicates of one delivery, sequential and concurrent: one audit row and one side effect per consumer', async () => {
    // GIVEN one ledger delivery and one Shopify order, each to be delivered several times
    const ledger = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.ledgerPrefix}dup` });
    const order = await target.sign(FixtureSources.shopify, 'shopify', { type: 'orders/create' });

    // WHEN the ledger delivery is sent 3 times in a row and the order 6 times at once
    const sequential = [];
    for (let i = 0; i < 3; i += 1) sequential.push(await target.sender.send(ledger));
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => target.sender.send(order)));

    // THEN every copy is acknowledged with the same id ...
    for (const answer of sequential) expect(JSON.parse(answer.body)).toEqual({ id: ledger.id });
    for (const answer of concurrent) expect(JSON.parse(answer.body)).toEqual({ id: order.id });
    // ... and each event has one audit row and one side effect per consumer
    const ledgerKey = pk(FixtureSources.partner, ledger.id);
    const orderKey = pk(FixtureSources.shopify, order.id);
    await eventually(async () => [target.downstream.effects(DownstreamPaths.ledger, ledgerKey).length, target.downstream.effects(DownstreamPaths.crmSync, orderKey).length], ([a, b]) => a! >= 1 && b! >= 1, { what: 'both side effects' });
    expect(await settledAuditRows(ledgerKey)).toBe(1);
    expect(await settledAuditRows(orderKey)).toBe(1);
    await sleep(2_000);
    expect(target.downstream.effects(DownstreamPaths.ledger, ledgerKey)).toHaveLength(1);
    expect(target.downstream.effects(DownstreamPaths.crmSync, orderKey)).toHaveLength(1);
  });

  it('passes a payload over the claim-check threshold through S3 and hands it to the consumer whole', async () => {
    // GIVEN a 20 KB payload to the bulk source, whose threshold is 4 KiB
    const payload = { rows: Array.from({ length: 200 }, (_, i) => ({ i, text: `row ${i} `.padEnd(90, 'x') })) };
    const webhook = await target.sign(FixtureSources.bulk, 'generic', { type: 'bulk.loaded', payload });
    expect(Buffer.byteLength(webhook.body)).toBeGreaterThan(16_000);

    // WHEN it is posted
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN the consumer received the dataref and the payload parsed back whole
    const key = pk(FixtureSources.bulk, webhook.id);
    const [call] = await eventually(async () => target.downstream.effects(DownstreamPaths.bulkSink, key), (c) => c.length >= 1, { what: 'the bulk-sink report' });
    const dataref = call!.body.dataref as { bucket: string; key: string; size: number; sha256: string };
    expect(dataref).toMatchObject({ bucket: target.output('ClaimCheckBucketName'), size: Buffer.byteLength(webhook.body), sha256: sha256(webhook.body) });
    expect(sha256(JSON.stringify(call!.body.data))).toBe(sha256(webhook.body));
    // ... and the object in the claim-check bucket holds the raw body
    const object = await target.s3.send(new GetObjectCommand({ Bucket: dataref.bucket, Key: dataref.key }));
    expect(sha256(await object.Body!.transformToByteArray())).toBe(sha256(webhook.body));
    const row = (await target.auditRows()).find((r) => r.pk?.S === key);
    expect(row?.claimChecked?.BOOL).toBe(true);
  });

  it('fails a call the function role does not allow with AccessDeniedException', async () => {
    // GIVEN the denied consumer, allowed dynamodb:GetItem on the flag table but not PutItem
    const webhook = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.deniedPrefix}try` });

    // WHEN an event reaches it
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN the granted GetItem succeeded and the PutItem failed with AccessDeniedException
    const key = pk(FixtureSources.partner, webhook.id);
    const [call] = await eventually(async () => target.downstream.effects(DownstreamPaths.denied, key), (c) => c.length >= 1, { what: 'the denied report' });
    expect(call!.body.extra).toEqual({ getItem: 'ok', putItem: 'AccessDeniedException' });
    const flags = await target.scan(target.output('FlagTableName'));
    expect(flags.some((item) => item.pk?.S === `denied#${webhook.id}`)).toBe(false);
  });

  it('answers the webhook statuses in the contract order over real HTTP', async () => {
    const github = await target.sign(FixtureSources.github, 'github');
    const post = (url: string, headers: Record<string, string>, body: string) =>
      fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    const errorOf = async (response: Response) => [response.status, ((await response.json()) as { error: string }).error] as const;

    // an unknown source is 404 even when the request is otherwise wrong
    expect(await errorOf(await post(new URL('webhooks/no-such-source', target.output('ApiUrl')).href, {}, 'x'))).toEqual([404, 'unknown_source']);
    // a known source: not POST → 405
    expect(await errorOf(await fetch(github.url, { method: 'GET', signal: AbortSignal.timeout(10_000) }))).toEqual([405, 'method_not_allowed']);
    // too large beats a missing signature → 413
    expect(await errorOf(await post(github.url, { 'content-type': 'application/json' }, 'x'.repeat(1_048_577)))).toEqual([413, 'payload_too_large']);
    // no signature → 401 signature_missing
    const { 'x-hub-signature-256': _, ...unsigned } = github.headers;
    expect(await errorOf(await post(github.url, unsigned, github.body))).toEqual([401, 'signature_missing']);
    // a signature with another secret → 401 signature_mismatch, and nothing is published
    const forged = await target.sign(FixtureSources.github, 'github');
    const tampered = { ...forged.headers, 'x-hub-signature-256': github.headers['x-hub-signature-256']! };
    expect(await errorOf(await post(forged.url, tampered, forged.body))).toEqual([401, 'signature_mismatch']);
    await sleep(1_500);
    expect(await target.auditRowsOf(pk(FixtureSources.github, forged.id))).toBe(0);
  });

  // Only the local target has a runtime process to stop.
  it.runIf(plan.kind === 'local')('shuts the runtime down cleanly on SIGTERM', async () => {
    // WHEN the runtime gets SIGTERM THEN it exits 0 within the bound
    expect(await target.stopRuntime()).toBe(0);
  }, 30_000);
});
