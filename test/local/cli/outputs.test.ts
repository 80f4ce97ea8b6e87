import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kebab, pascal } from '../../../local/cli/outputKeys.js';
import { readOutputsFile } from '../../../local/cli/outputs.js';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';

const HOOKBRIDGE = {
  ApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com/',
  WebhookUrlShopify: 'https://abc.execute-api.eu-west-1.amazonaws.com/webhooks/shopify',
  SecretArnShopify: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shopify-AbCdEf',
  WebhookUrlOrderEvents: 'https://abc.execute-api.eu-west-1.amazonaws.com/webhooks/order-events',
  EventBusName: 'hookbridge',
  QueueCrmSyncUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/crm',
  DlqCrmSyncUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/crm-dlq',
  DeliveryDlqCrmSyncUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/crm-delivery-dlq',
  QueueAuditLogUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/audit',
};

describe('readOutputsFile', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject();
  });
  afterEach(() => project.dispose());

  it('picks the only stack and gives typed access to its outputs', () => {
    project.writeOutputs({ Hookbridge: HOOKBRIDGE });
    const outputs = readOutputsFile(project.outputsFile);

    expect(outputs.stackName).toBe('Hookbridge');
    expect(outputs.apiUrl).toBe(HOOKBRIDGE.ApiUrl);
    expect(outputs.webhookUrl('order-events')).toBe(HOOKBRIDGE.WebhookUrlOrderEvents);
    expect(outputs.secretArn('shopify')).toBe(HOOKBRIDGE.SecretArnShopify);
    expect(outputs.sources).toEqual(['shopify', 'order-events']);
    expect(outputs.consumers).toEqual([
      { key: 'CrmSync', name: 'crm-sync', queueUrl: HOOKBRIDGE.QueueCrmSyncUrl, dlqUrl: HOOKBRIDGE.DlqCrmSyncUrl, deliveryDlqUrl: HOOKBRIDGE.DeliveryDlqCrmSyncUrl },
      { key: 'AuditLog', name: 'audit-log', queueUrl: HOOKBRIDGE.QueueAuditLogUrl },
    ]);
  });

  it('picks the stack named with --stack among several', () => {
    project.writeOutputs({ Staging: { ApiUrl: 'https://staging/' }, Hookbridge: HOOKBRIDGE });

    expect(readOutputsFile(project.outputsFile, 'Hookbridge').apiUrl).toBe(HOOKBRIDGE.ApiUrl);
  });

  it('fails if several stacks are in the file and none is chosen', () => {
    project.writeOutputs({ Staging: {}, Hookbridge: HOOKBRIDGE });

    expect(() => readOutputsFile(project.outputsFile)).toThrow(`${project.outputsFile} holds several stacks (Staging, Hookbridge); pass --stack Staging (or another) to choose`);
  });

  it('fails if the chosen stack is not in the file', () => {
    project.writeOutputs({ Hookbridge: HOOKBRIDGE });

    expect(() => readOutputsFile(project.outputsFile, 'Prod')).toThrow(`no stack "Prod" in ${project.outputsFile} (it holds Hookbridge); pass one of those to --stack`);
  });

  it('fails if the file is missing, saying how to create one', () => {
    expect(() => readOutputsFile(project.outputsFile)).toThrow(
      `no outputs file at ${project.outputsFile}; start \`hookbridge local\` (it writes one), deploy with \`cdk deploy --outputs-file ${project.outputsFile}\`, or pass --outputs-file`,
    );
  });

  it('fails if the file is not in the cdk deploy format', () => {
    project.writeOutputs({ Hookbridge: { ApiUrl: 42 } } as unknown as Record<string, Record<string, string>>);

    expect(() => readOutputsFile(project.outputsFile)).toThrow('is not in the `cdk deploy --outputs-file` format');
  });

  it('fails if a source is unknown, listing the sources the stack has', () => {
    project.writeOutputs({ Hookbridge: HOOKBRIDGE });

    expect(() => readOutputsFile(project.outputsFile).webhookUrl('github')).toThrow(
      `stack Hookbridge has no source "github" (no output WebhookUrlGithub in ${project.outputsFile}); its sources: shopify, order-events`,
    );
  });
});

describe('output key names', () => {
  it('round-trips the names the constructs allow through PascalCase', () => {
    for (const name of ['github', 'order-events', 'crm-sync', 'audit-log', 'v2-orders', 'a1-b2']) {
      expect(kebab(pascal(name))).toBe(name);
    }
  });
});
