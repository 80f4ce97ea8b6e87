import {
  CreateArchiveCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueArn, startEventBridge, type RunningEventBridge } from '../../../helpers/eventbridge/startEventBridge.js';

let eb: RunningEventBridge;

beforeEach(async () => {
  eb = await startEventBridge();
});
afterEach(async () => {
  await eb.close();
});

async function ruleToQueue(name: string, pattern: object, target: Record<string, unknown> = {}): Promise<string> {
  const { RuleArn } = await eb.client.send(new PutRuleCommand({ Name: name, EventPattern: JSON.stringify(pattern) }));
  await eb.client.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: 'q', Arn: queueArn(name), ...target }] }));
  return RuleArn as string;
}

function entry(detail: object, extra: Record<string, unknown> = {}) {
  return { Source: 'webhooks.github', DetailType: 'push', Detail: JSON.stringify(detail), ...extra };
}

describe('EventBridgeService through the real @aws-sdk/client-eventbridge', () => {
  it('delivers a matching event to the SQS target as the full event JSON', async () => {
    // GIVEN a rule with an SQS target
    const ruleArn = await ruleToQueue('github-push', { source: ['webhooks.github'], 'detail-type': ['push'] });
    // WHEN an event is put
    const out = await eb.client.send(new PutEventsCommand({ Entries: [entry({ ref: 'main' }, { Resources: ['r1'] })] }));
    // THEN the callback got the event body before PutEvents answered
    expect(out.FailedEntryCount).toBe(0);
    expect(eb.deliveries).toHaveLength(1);
    const [delivery] = eb.deliveries;
    expect(delivery?.targetArn).toBe(queueArn('github-push'));
    expect(delivery?.meta.ruleArn).toBe(ruleArn);
    const event = JSON.parse(delivery?.body ?? '{}');
    expect(event).toMatchObject({
      version: '0',
      id: out.Entries?.[0]?.EventId,
      'detail-type': 'push',
      source: 'webhooks.github',
      account: '000000000000',
      region: 'us-east-1',
      resources: ['r1'],
      detail: { ref: 'main' },
    });
    expect(event.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('does not deliver an event the pattern does not match', async () => {
    await ruleToQueue('stripe-only', { source: ['webhooks.stripe'] });
    const out = await eb.client.send(new PutEventsCommand({ Entries: [entry({})] }));
    expect(out.FailedEntryCount).toBe(0);
    expect(eb.deliveries).toHaveLength(0);
  });

  it('fails if the rule pattern is invalid, with InvalidEventPatternException', async () => {
    const error = await eb.client
      .send(new PutRuleCommand({ Name: 'bad', EventPattern: '{"detail": {"n": [{"numeric": [">", 5, "<", 1]}]}}' }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('InvalidEventPatternException');
    expect((error as Error).message).toMatch(/Event pattern is not valid/);
  });

  it('answers TestEventPattern true and false', async () => {
    const event = JSON.stringify({
      id: '1', account: '000000000000', source: 'webhooks.github', time: '2026-01-01T00:00:00Z',
      region: 'us-east-1', resources: [], 'detail-type': 'push', detail: { ip: '10.0.0.7' },
    });
    const yes = await eb.client.send(new TestEventPatternCommand({ Event: event, EventPattern: '{"detail": {"ip": [{"cidr": "10.0.0.0/24"}]}}' }));
    const no = await eb.client.send(new TestEventPatternCommand({ Event: event, EventPattern: '{"source": [{"prefix": "webhooks.stripe"}]}' }));
    expect(yes.Result).toBe(true);
    expect(no.Result).toBe(false);
  });

  it('renders an InputTransformer template with variables, quoting and reserved variables', async () => {
    const ruleArn = await ruleToQueue('transformed', { source: ['webhooks.github'] }, {
      InputTransformer: {
        InputPathsMap: { ref: '$.detail.ref', count: '$.detail.count', missing: '$.detail.nope' },
        InputTemplate: '{"ref": <ref>, "count": <count>, "text": "ref <ref> x<count>", "rule": <aws.events.rule-name>, "arn": "<aws.events.rule-arn>", "missing": <missing>, "full": <aws.events.event.json>}',
      },
    });
    await eb.client.send(new PutEventsCommand({ Entries: [entry({ ref: 'main', count: 3 })] }));
    const body = eb.deliveries[0]?.body ?? '';
    expect(body).toBe(JSON.stringify(JSON.parse(body))); // minified
    const out = JSON.parse(body);
    expect(out).toMatchObject({ ref: 'main', count: 3, text: 'ref main x3', rule: 'transformed', arn: ruleArn, missing: null });
    expect(out.full.detail).toEqual({ ref: 'main', count: 3 });
  });

  it('delivers a plain-string template as text', async () => {
    await ruleToQueue('string-template', { source: ['webhooks.github'] }, {
      InputTransformer: { InputPathsMap: { ref: '$.detail.ref' }, InputTemplate: '"ref <ref> pushed"' },
    });
    await eb.client.send(new PutEventsCommand({ Entries: [entry({ ref: 'main' })] }));
    expect(eb.deliveries[0]?.body).toBe('"ref main pushed"');
  });

  it('delivers the value at InputPath', async () => {
    await ruleToQueue('input-path', { source: ['webhooks.github'] }, { InputPath: '$.detail' });
    await eb.client.send(new PutEventsCommand({ Entries: [entry({ ref: 'main' })] }));
    expect(JSON.parse(eb.deliveries[0]?.body ?? '')).toEqual({ ref: 'main' });
  });

  it('answers InternalException for every PutEvents while the fault hook is active', async () => {
    await ruleToQueue('any', { source: ['webhooks.github'] });
    eb.service.failPutEventsUntil(Date.now() + 60_000);
    const error = await eb.client.send(new PutEventsCommand({ Entries: [entry({})] })).catch((e: unknown) => e);
    expect((error as Error).name).toBe('InternalException');
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(500);
    expect(eb.deliveries).toHaveLength(0);
    // WHEN the fault is switched off THEN PutEvents works again
    eb.service.failPutEventsUntil(0);
    await expect(eb.client.send(new PutEventsCommand({ Entries: [entry({})] }))).resolves.toMatchObject({ FailedEntryCount: 0 });
  });

  it('fails an entry over 1 MB with a per-entry error and keeps the others', async () => {
    await ruleToQueue('sized', { source: ['webhooks.github'] });
    const big = entry({ blob: 'x'.repeat(1_048_576) });
    const out = await eb.client.send(new PutEventsCommand({ Entries: [big, entry({ small: true })] }));
    expect(out.FailedEntryCount).toBe(1);
    expect(out.Entries?.[0]).toMatchObject({ ErrorCode: 'InvalidArgument' });
    expect(out.Entries?.[0]?.EventId).toBeUndefined();
    expect(out.Entries?.[1]?.EventId).toBeDefined();
    expect(eb.deliveries).toHaveLength(1);
  });

  it('fails an entry whose Detail is not a JSON object with MalformedDetail', async () => {
    const out = await eb.client.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 't', Detail: '{not json' }] }));
    expect(out.Entries?.[0]?.ErrorCode).toBe('MalformedDetail');
  });

  it('accepts an entry for a bus that does not exist and delivers nothing, as AWS does', async () => {
    await ruleToQueue('default-bus', { source: ['webhooks.github'] });
    const out = await eb.client.send(new PutEventsCommand({ Entries: [entry({}, { EventBusName: 'no-such-bus' })] }));
    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries?.[0]?.EventId).toBeDefined();
    expect(eb.deliveries).toHaveLength(0);
    expect(eb.service.metrics().unroutedEntries).toBe(1);
  });

  it('replays the archived events of a time window with replay-name, to the filtered rule only', async () => {
    // GIVEN two rules and an archive of the default bus
    const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/default';
    const replayed = await ruleToQueue('replayed', { source: ['webhooks.github'] });
    await ruleToQueue('not-replayed', { source: ['webhooks.github'] });
    const { ArchiveArn } = await eb.client.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: busArn, RetentionDays: 1 }));
    // AND events at three times
    const at = (iso: string, n: number) => entry({ n }, { Time: new Date(iso) });
    await eb.client.send(new PutEventsCommand({
      Entries: [at('2026-03-01T10:00:00Z', 1), at('2026-03-01T11:00:00Z', 2), at('2026-03-01T12:00:00Z', 3)],
    }));
    const archived = await eb.client.send(new DescribeArchiveCommand({ ArchiveName: 'all' }));
    expect(archived.EventCount).toBe(3);
    eb.deliveries.length = 0;
    // WHEN the 10:30–12:00 window is replayed to one rule
    const started = await eb.client.send(new StartReplayCommand({
      ReplayName: 'fix-1', EventSourceArn: ArchiveArn, EventStartTime: new Date('2026-03-01T10:30:00Z'),
      EventEndTime: new Date('2026-03-01T12:00:00Z'), Destination: { Arn: busArn, FilterArns: [replayed] },
    }));
    expect(started.State).toBe('STARTING');
    await eb.service.idle();
    // THEN events 2 and 3 reach that rule's target only, marked with replay-name
    const described = await eb.client.send(new DescribeReplayCommand({ ReplayName: 'fix-1' }));
    expect(described.State).toBe('COMPLETED');
    expect(eb.deliveries.map((d) => d.targetArn)).toEqual([queueArn('replayed'), queueArn('replayed')]);
    const bodies = eb.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.map((b) => b.detail.n)).toEqual([2, 3]);
    expect(bodies.every((b) => b['replay-name'] === 'fix-1')).toBe(true);
    // AND replayed events are not archived again
    expect((await eb.client.send(new DescribeArchiveCommand({ ArchiveName: 'all' }))).EventCount).toBe(3);
  });

  it('retries a failing target, then delivers to its dead-letter queue', async () => {
    await ruleToQueue('flaky', { source: ['webhooks.github'] }, {
      DeadLetterConfig: { Arn: queueArn('flaky-dlq') }, RetryPolicy: { MaximumRetryAttempts: 1 },
    });
    eb.failingTargets.add(queueArn('flaky'));
    await eb.client.send(new PutEventsCommand({ Entries: [entry({ ref: 'main' })] }));
    expect(eb.deliveries).toHaveLength(1);
    expect(eb.deliveries[0]?.targetArn).toBe(queueArn('flaky-dlq'));
    expect(eb.deliveries[0]?.meta.deadLetter?.errorMessage).toMatch(/unavailable/);
    expect(eb.service.metrics()).toMatchObject({ invocations: 2, retries: 1, deadLettered: 1, failedInvocations: 0 });
  });

  it('counts a failed invocation when a failing target has no dead-letter queue', async () => {
    await ruleToQueue('broken', { source: ['webhooks.github'] });
    eb.failingTargets.add(queueArn('broken'));
    const out = await eb.client.send(new PutEventsCommand({ Entries: [entry({})] }));
    expect(out.FailedEntryCount).toBe(0);
    expect(eb.service.metrics()).toMatchObject({ invocations: 3, failedInvocations: 1 });
  });

  it('restores rules, targets and archives from a snapshot', async () => {
    await ruleToQueue('kept', { source: ['webhooks.github'] });
    const snapshot = JSON.parse(JSON.stringify(eb.service.snapshot()));
    const other = await startEventBridge();
    try {
      other.service.restore(snapshot);
      const rule = await other.client.send(new DescribeRuleCommand({ Name: 'kept' }));
      expect(rule.EventPattern).toBe('{"source":["webhooks.github"]}');
      expect((await other.client.send(new ListTargetsByRuleCommand({ Rule: 'kept' }))).Targets).toHaveLength(1);
      await other.client.send(new PutEventsCommand({ Entries: [entry({})] }));
      expect(other.deliveries).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
