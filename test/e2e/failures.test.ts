/*
 * End-to-end: what happens when things fail — a consumer that fails transiently, a poison event
 * and its redrive, an EventBridge outage during PutEvents, and an archive replay — counted from
 * outside (sender log, downstream server, SDK Scan of the audit table, SQS GetQueueAttributes).
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeArchiveCommand, DescribeReplayCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { ListMessageMoveTasksCommand, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DownstreamPaths, FixtureSources, FLAG_KEY, PartnerTypes, POISON_FLAG, POISON_MAX_RECEIVE_COUNT } from './fixture-app/constants.js';
import { eventually, sleep } from '../helpers/e2e/eventually.js';
import { isDrained, queueArn, queueDepth } from '../helpers/e2e/queues.js';
import { describeOnTarget, E2eTarget, planTarget } from '../helpers/e2e/target.js';

const plan = await planTarget();
const pk = (source: string, id: string): string => `webhooks.${source}#${id}`;

describeOnTarget(plan, 'failures end to end', ['downstream'], () => {
  let target: E2eTarget;

  beforeAll(async () => {
    target = await E2eTarget.start(plan);
  }, 240_000);

  afterAll(async () => {
    await target?.close();
  }, 30_000);

  const setPoisonFlag = (state: 'broken' | 'fixed') =>
    target.dynamodb.send(new PutItemCommand({ TableName: target.output('FlagTableName'), Item: { [FLAG_KEY]: { S: POISON_FLAG }, state: { S: state } } }));

  it('retries a consumer that fails transiently with backoff until it succeeds, once', async () => {
    // GIVEN a downstream that answers 503 to the first two attempts of every event
    const failures = 2;
    target.downstream.respond(DownstreamPaths.flaky, (_call, previous) => (previous < failures ? 503 : 200));
    const webhook = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.flakyPrefix}retry` });

    // WHEN an event for the flaky consumer arrives
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN it is attempted three times and succeeds on the third receive, with one side effect
    const key = pk(FixtureSources.partner, webhook.id);
    const [success] = await eventually(async () => target.downstream.effects(DownstreamPaths.flaky, key), (c) => c.length >= 1, { what: 'the flaky consumer to succeed', timeoutMs: 30_000 });
    const attempts = target.downstream.received(DownstreamPaths.flaky).filter((c) => c.key === key);
    expect(attempts.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(success!.body.receiveCount).toBe(failures + 1);
    await eventually(() => queueDepth(target.sqs, target.output('QueueFlakyUrl')), isDrained, { what: 'the flaky queue to drain' });
    expect(target.downstream.effects(DownstreamPaths.flaky, key)).toHaveLength(1);
    expect((await queueDepth(target.sqs, target.output('DlqFlakyUrl'))).visible).toBe(0);
  });

  it('moves a poison event to the DLQ after maxReceiveCount and redrives it once fixed', async () => {
    // GIVEN the poison consumer broken
    await setPoisonFlag('broken');
    const webhook = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.poisonPrefix}order` });
    const key = pk(FixtureSources.partner, webhook.id);
    const dlqUrl = target.output('DlqPoisonUrl');

    // WHEN an event for it arrives
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN after maxReceiveCount failed receives it is in the DLQ, and no side effect happened
    await eventually(() => queueDepth(target.sqs, dlqUrl), (d) => d.visible === 1, { what: `the poison event in the DLQ (maxReceiveCount ${POISON_MAX_RECEIVE_COUNT})`, timeoutMs: 40_000 });
    expect(await queueDepth(target.sqs, target.output('QueuePoisonUrl'))).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(target.downstream.received(DownstreamPaths.poison)).toHaveLength(0);

    // WHEN the flag is fixed and the DLQ redriven to its source queue
    await setPoisonFlag('fixed');
    const sourceArn = await queueArn(target.sqs, dlqUrl);
    const { TaskHandle } = await target.sqs.send(new StartMessageMoveTaskCommand({ SourceArn: sourceArn }));
    expect(TaskHandle).toBeTruthy();

    // THEN the event is processed exactly once and the DLQ is empty
    await eventually(async () => target.downstream.effects(DownstreamPaths.poison, key), (c) => c.length >= 1, { what: 'the redriven poison event to be processed', timeoutMs: 30_000 });
    await eventually(() => queueDepth(target.sqs, dlqUrl), isDrained, { what: 'the poison DLQ to drain' });
    const { Results = [] } = await target.sqs.send(new ListMessageMoveTasksCommand({ SourceArn: sourceArn }));
    expect(Results[0]).toMatchObject({ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 1 });
    await sleep(2_000);
    expect(target.downstream.effects(DownstreamPaths.poison, key)).toHaveLength(1);
    expect(await target.auditRowsOf(key)).toBe(1);
  });

  it('answers 503 while PutEvents fails, publishes nothing, and accepts the retry once', async () => {
    // GIVEN EventBridge failing for 60 seconds
    await target.fault({ service: 'events', action: 'fail', seconds: 60 });
    const webhook = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.ledgerPrefix}during-outage` });
    const key = pk(FixtureSources.partner, webhook.id);

    // WHEN the vendor delivers (and retries) during the outage
    const during = [await target.sender.send(webhook), await target.sender.send(webhook)];

    // THEN each answer is 503 publish_failed, and nothing downstream saw the event
    for (const answer of during) expect([answer.status, (JSON.parse(answer.body) as { error: string }).error]).toEqual([503, 'publish_failed']);
    await target.fault({ service: 'events', action: 'clear' });
    await sleep(2_000);
    expect(await target.auditRowsOf(key)).toBe(0);
    expect(target.downstream.received(DownstreamPaths.ledger).filter((c) => c.key === key)).toHaveLength(0);

    // WHEN the vendor retries after the outage
    expect((await target.sender.send(webhook)).status).toBe(202);

    // THEN the event flows once
    await eventually(async () => target.downstream.effects(DownstreamPaths.ledger, key), (c) => c.length >= 1, { what: 'the ledger report after the outage' });
    await eventually(() => target.auditRowsOf(key), (n) => n >= 1, { what: 'the audit row after the outage' });
    await sleep(1_500);
    expect(await target.auditRowsOf(key)).toBe(1);
    expect(target.downstream.effects(DownstreamPaths.ledger, key)).toHaveLength(1);
  });

  it('replays archived events, and idempotency absorbs them', async () => {
    // GIVEN two replay.* events (seen by the non-idempotent witness) and one ledger event, processed
    const start = new Date(Date.now() - 1_000);
    const witnessed = [
      await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.replayPrefix}a` }),
      await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.replayPrefix}b` }),
    ];
    const ledger = await target.sign(FixtureSources.partner, 'partner', { type: `${PartnerTypes.ledgerPrefix}replayed` });
    for (const webhook of [...witnessed, ledger]) expect((await target.sender.send(webhook)).status).toBe(202);
    const witnessKeys = witnessed.map((w) => pk(FixtureSources.partner, w.id));
    const ledgerKey = pk(FixtureSources.partner, ledger.id);
    await eventually(async () => target.downstream.received(DownstreamPaths.witness).filter((c) => witnessKeys.includes(c.key!)).length, (n) => n === 2, { what: 'the witness to see both events' });
    await eventually(async () => target.downstream.effects(DownstreamPaths.ledger, ledgerKey).length, (n) => n === 1, { what: 'the ledger effect' });
    await sleep(1_000);
    const end = new Date();

    // WHEN the archive is replayed over that window (StartReplay at the edge)
    const { ArchiveArn } = await target.events.send(new DescribeArchiveCommand({ ArchiveName: target.output('ArchiveName') }));
    const replayName = `e2e-${Date.now()}`;
    await target.events.send(
      new StartReplayCommand({ ReplayName: replayName, EventSourceArn: ArchiveArn!, EventStartTime: start, EventEndTime: end, Destination: { Arn: target.output('EventBusArn') } }),
    );
    await eventually(() => target.events.send(new DescribeReplayCommand({ ReplayName: replayName })), (r) => r.State === 'COMPLETED', { what: `replay ${replayName} to complete` });

    // THEN the witness sees each event again, marked with the replay name ...
    const replayed = await eventually(
      async () => target.downstream.received(DownstreamPaths.witness).filter((c) => c.body.replayName === replayName),
      (calls) => calls.length >= 2,
      { what: 'the replayed events at the witness' },
    );
    expect(new Set(replayed.map((c) => c.key))).toEqual(new Set(witnessKeys));
    // ... while the idempotent consumer and the audit table absorb the repeats
    await sleep(2_500);
    expect(target.downstream.effects(DownstreamPaths.ledger, ledgerKey)).toHaveLength(1);
    for (const key of [...witnessKeys, ledgerKey]) expect(await target.auditRowsOf(key), key).toBe(1);
  });
});
