import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';
import { startFakeLocalEdge, type FakeLocalEdge } from '../../helpers/cli/fakeLocalEdge.js';
import { runMain } from '../../helpers/cli/runCli.js';
import { startVendorWebhookServer, type VendorWebhookServer } from '../../helpers/cli/vendorWebhookServer.js';

/*
 * `hookbridge status` with the real SQS client against the project's SQS emulator behind a
 * local edge, and the inspection API served by a small HTTP server.
 */

describe('hookbridge status', () => {
  let edge: FakeLocalEdge;
  let webhooks: VendorWebhookServer;
  let project: FixtureProject;

  beforeEach(async () => {
    edge = await startFakeLocalEdge();
    webhooks = await startVendorWebhookServer({});
    project = fixtureProject();
    const queue = (name: string): string => edge.sqs.createQueue(name).url;
    const crm = queue('crm-sync-queue');
    const crmDlq = queue('crm-sync-dlq');
    const crmDelivery = queue('crm-sync-delivery-dlq');
    const audit = queue('audit-log-queue');
    // crm-sync: 3 waiting, 1 of them then received (in flight), 1 delayed; 2 in its DLQ
    for (const n of [1, 2, 3]) edge.sqs.sendMessage(crm, `m${n}`);
    edge.sqs.sendMessage(crm, 'later', { delaySeconds: 60 });
    await edge.sqs.receiveMessages(crm, { maxNumberOfMessages: 1 });
    edge.sqs.sendMessage(crmDlq, 'dead-1');
    edge.sqs.sendMessage(crmDlq, 'dead-2');
    project.writeOutputs({
      Hookbridge: {
        ApiUrl: `${webhooks.baseUrl}/`,
        QueueCrmSyncUrl: crm,
        DlqCrmSyncUrl: crmDlq,
        DeliveryDlqCrmSyncUrl: crmDelivery,
        QueueAuditLogUrl: audit,
      },
    });
    project.writeLocalEndpoints({ edgeUrl: edge.url, webhookBaseUrl: `${webhooks.baseUrl}/`, inspectionUrl: `${webhooks.baseUrl}/_local/state` });
  });
  afterEach(async () => {
    project.dispose();
    await webhooks.stop();
    await edge.stop();
  });

  it('prints queue, in-flight, delayed and DLQ depths with processed/failed from the inspection API', async () => {
    webhooks.state = { consumers: { 'crm-sync': { processed: 12, failed: 3 }, 'audit-log': { processed: 40, failed: 0 } } };

    const run = await runMain(['status'], { cwd: project.dir });

    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      'stack Hookbridge (local)',
      'CONSUMER   QUEUED  IN FLIGHT  DELAYED  DLQ  DELIVERY DLQ  PROCESSED  FAILED',
      'crm-sync        2          1        1    2             0         12       3',
      'audit-log       0          0        0    -             -         40       0',
    ]);
    expect(edge.targets.filter((t) => t === 'AmazonSQS.GetQueueAttributes')).toHaveLength(4);
  });

  it('prints the same numbers as JSON with --json', async () => {
    webhooks.state = { consumers: { 'crm-sync': { processed: 12, failed: 3 } } };

    const run = await runMain(['status', '--json'], { cwd: project.dir });

    expect(JSON.parse(run.stdout)).toEqual({
      stack: 'Hookbridge',
      target: 'local',
      consumers: [
        { name: 'crm-sync', queueUrl: expect.stringContaining('/crm-sync-queue'), queued: 2, inFlight: 1, delayed: 1, dlq: 2, deliveryDlq: 0, processed: 12, failed: 3 },
        { name: 'audit-log', queueUrl: expect.stringContaining('/audit-log-queue'), queued: 0, inFlight: 0, delayed: 0, processed: 0, failed: 0 },
      ],
    });
  });

  it('still shows the queues when the inspection API is absent, and says why the counts are missing', async () => {
    webhooks.state = undefined;

    const run = await runMain(['status'], { cwd: project.dir });

    expect(run.code).toBe(0);
    expect(run.out[1]).toBe('CONSUMER   QUEUED  IN FLIGHT  DELAYED  DLQ  DELIVERY DLQ');
    expect(run.out[2]).toBe('crm-sync        2          1        1    2             0');
    expect(run.out.at(-1)).toBe(`processed/failed unavailable: ${webhooks.baseUrl}/_local/state answered 404`);
  });

  it('fails if a queue of the outputs does not exist (stale outputs), in one line', async () => {
    project.writeOutputs({ Hookbridge: { ApiUrl: `${webhooks.baseUrl}/`, QueueGoneUrl: `${edge.url}/000000000000/gone` } });

    const run = await runMain(['status'], { cwd: project.dir });

    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(new RegExp(`^hookbridge: cannot read the attributes of ${edge.url}/000000000000/gone: it does not exist \\(.*\\); is the outputs file current\\?$`));
  });
});
