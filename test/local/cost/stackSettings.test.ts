import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultApp, DEFAULT_STACK_NAME } from '../../../bin/default-app.js';
import { IntegrationStack } from '../../../lib/integration-stack.js';
import { computeCost, readConfiguredStack, stackSettings, type StackSettings } from '../../../local/cost/index.js';
import { DEFAULT_ACCESS_LOG_BYTES } from '../../../local/cost/constants.js';
import { loadCloudAssembly } from '../../../local/template/loadCloudAssembly.js';
import type { CfnTemplate } from '../../../local/template/types.js';
import { unbundledContext } from '../../helpers/cdk/context.js';
import { TEAM_CONSUMER_ENTRY } from '../../helpers/cdk/stacks.js';

/** Synthesizes `build`'s app (unbundled, as `cdk synth` lays it out) into a fresh directory. */
function synthesize(build: (props: { context: Record<string, unknown>; outdir: string; builtinCloudFormationValidation: false }) => App): string {
  const outdir = mkdtempSync(join(tmpdir(), 'hookbridge-cost-'));
  build({ context: unbundledContext(), outdir, builtinCloudFormationValidation: false }).synth();
  return outdir;
}

const profile = (settings: StackSettings, name: string) => settings.input.consumerProfiles?.find((p) => p.name === name);

describe('stackSettings of the synthesized default app', () => {
  let outdir: string;
  let settings: StackSettings;

  beforeAll(() => {
    outdir = synthesize((props) => createDefaultApp(props).app);
    settings = stackSettings(loadCloudAssembly(outdir).template);
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('reads the seven verifiers behind the HTTP API: memory, architecture, log level, tracing, metrics, secret cache', () => {
    expect(settings.input).toMatchObject({
      sources: 7,
      ingress: 'http-api',
      verifierMemoryMb: 256,
      verifierArchitecture: 'arm64',
      logLevel: 'INFO',
      tracing: true,
      metrics: true,
      secretCacheSeconds: 300,
    });
  });

  it('reads one consumer queue per event source mapping, the audit log without idempotency, the order-to-cash ones filtered', () => {
    expect(settings.input.consumerProfiles?.map((p) => p.name)).toEqual(['crm-sync', 'fraud-check', 'fulfillment-prep', 'finance-posting', 'audit-log']);
    // The audit log's rule matches every event of the account: its share is known.
    expect(profile(settings, 'audit-log')).toEqual({ name: 'audit-log', share: 1, batchSize: 10, batchingWindowSeconds: 0, memoryMb: 256, architecture: 'arm64', logLevel: 'INFO', idempotent: false, audit: true, tracing: true });
    // orders/create of Shopify only: what share of the traffic that is depends on the traffic.
    expect(profile(settings, 'crm-sync')).toEqual({ name: 'crm-sync', batchSize: 10, batchingWindowSeconds: 0, memoryMb: 256, architecture: 'arm64', logLevel: 'INFO', idempotent: true, audit: false, tracing: true });
    expect(settings.notes.join('\n')).toContain('4 consumer(s) filter events (crm-sync, fraud-check, fulfillment-prep, finance-posting)');
    // For --consumers K: alike consumers as the stack's, and the audit log kept.
    expect(settings.input).toMatchObject({ consumers: 4, audit: true, batchSize: 10, batchingWindowSeconds: 0, consumerMemoryMb: 256, consumerArchitecture: 'arm64', idempotency: 'dynamodb' });
  });

  it('reads the archive, the idempotency TTL, the alarms per source and per queue, point-in-time recovery and the access log line', () => {
    expect(settings.input).toMatchObject({
      archive: true,
      archiveRetentionDays: 30,
      idempotencyTtlDays: 31,
      alarmsPerSource: 2,
      alarmsPerQueue: 4,
      pointInTimeRecovery: true,
      // The model's default is lib/webhook-api.ts's access log format: it must not drift from it.
      accessLogBytes: DEFAULT_ACCESS_LOG_BYTES,
    });
    expect(settings.read).toContain('34 alarms');
  });

  it('is what readConfiguredStack returns for the assembly, without synthesizing', async () => {
    const reading = await readConfiguredStack({ cwd: outdir, cdkOut: outdir, synthOut: join(outdir, 'unused') });
    expect(reading).toMatchObject({ ok: true, stackName: DEFAULT_STACK_NAME, settings });
  });

  it('bills five queues, the four filtered ones at every webhook until told otherwise', () => {
    const all = computeCost({ events: 1_000_000, ...settings.input });
    const tenth = computeCost({ events: 1_000_000, ...settings.input, filteredShare: 0.1 });
    const sqs = (report: typeof all) => report.lines.find((l) => l.item.startsWith('send (EventBridge target)'))!.quantity;
    expect(sqs(all)).toBe(15_000_000);
    expect(sqs(tenth)).toBeCloseTo(3 * (1_000_000 + 4 * 100_000), 6);
    expect(all.lines.find((l) => l.item.startsWith('alarms'))?.quantity).toBe(34);
  });
});

describe('stackSettings of a stack with other settings', () => {
  let outdir: string;
  let settings: StackSettings;

  beforeAll(() => {
    outdir = synthesize((props) => {
      const app = new App(props);
      new IntegrationStack(app, 'CostSettings', {
        sources: [
          { name: 'alpha', scheme: 'github', memorySize: 512, logLevel: 'WARN', secretCacheTtl: Duration.seconds(60) },
          { name: 'beta', scheme: 'stripe', memorySize: 512, logLevel: 'WARN', secretCacheTtl: Duration.seconds(60) },
        ],
        consumers: [
          { name: 'everything', entry: TEAM_CONSUMER_ENTRY, eventPattern: { source: ['webhooks.alpha', 'webhooks.beta'] }, batchSize: 100, maxBatchingWindow: Duration.seconds(30), memorySize: 1024, logLevel: 'DEBUG' },
          { name: 'elsewhere', entry: TEAM_CONSUMER_ENTRY, eventPattern: { source: ['webhooks.gamma'] } },
        ],
        auditLog: false,
        archiveRetention: Duration.days(90),
        alarms: false,
      });
      return app;
    });
    settings = stackSettings(loadCloudAssembly(outdir).template);
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('reads the verifiers\' memory, log level and secret cache', () => {
    expect(settings.input).toMatchObject({ sources: 2, verifierMemoryMb: 512, logLevel: 'WARN', secretCacheSeconds: 60, archiveRetentionDays: 90, alarmsPerSource: 0, alarmsPerQueue: 0 });
  });

  it('settles the share of a rule that lists every source (1) or none of them (0)', () => {
    expect(profile(settings, 'everything')).toMatchObject({ share: 1, batchSize: 100, batchingWindowSeconds: 30, memoryMb: 1024, logLevel: 'DEBUG', idempotent: true, audit: false });
    expect(profile(settings, 'elsewhere')).toMatchObject({ share: 0, batchSize: 10, batchingWindowSeconds: 0 });
    expect(settings.notes).toEqual([]);
  });
});

describe('stackSettings of a hand-written template', () => {
  /** Function URLs, CloudFormation's own defaults (x86_64, 128 MB), a disabled rule, an archive kept forever. */
  const template: CfnTemplate = {
    Resources: {
      Verifier: {
        Type: 'AWS::Lambda::Function',
        Properties: { Environment: { Variables: { HOOKBRIDGE_SOURCE: 'alpha', HOOKBRIDGE_EVENT_SOURCE: 'webhooks.alpha', POWERTOOLS_METRICS_NAMESPACE: 'acme' } }, LoggingConfig: { ApplicationLogLevel: 'TRACE' } },
      },
      VerifierUrl: { Type: 'AWS::Lambda::Url', Properties: { AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': ['Verifier', 'Arn'] } } },
      Consumer: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 512, Architectures: ['arm64'], TracingConfig: { Mode: 'PassThrough' }, Environment: { Variables: { HOOKBRIDGE_CONSUMER: 'billing', HOOKBRIDGE_IDEMPOTENCY_TABLE: { Ref: 'Table' } } } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
      Rule: { Type: 'AWS::Events::Rule', Properties: { State: 'DISABLED', EventPattern: { account: ['1'] }, Targets: [{ Id: 'q', Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] } },
      Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, FunctionName: { Ref: 'Consumer' } } },
      Archive: { Type: 'AWS::Events::Archive', Properties: { SourceArn: 'arn:aws:events:us-east-1:1:event-bus/b' } },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } },
      OnVerifier: { Type: 'AWS::CloudWatch::Alarm', Properties: { Metrics: [{ Id: 'e', Expression: "SELECT SUM(Rejected) FROM acme WHERE source = 'alpha'" }] } },
      OnQueue: { Type: 'AWS::CloudWatch::Alarm', Properties: { Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage' } },
    },
  };
  const settings = stackSettings(template);

  it('reads function URLs and the CloudFormation defaults of a function', () => {
    expect(settings.input).toMatchObject({ sources: 1, ingress: 'function-url', verifierMemoryMb: 128, verifierArchitecture: 'x86_64', logLevel: 'DEBUG', tracing: false, metrics: true });
    expect(settings.input.accessLogBytes).toBeUndefined();
  });

  it('gives a queue fed only by a disabled rule no webhooks', () => {
    expect(settings.input.consumerProfiles).toEqual([
      { name: 'billing', share: 0, batchSize: 10, batchingWindowSeconds: 0, memoryMb: 512, architecture: 'arm64', logLevel: 'INFO', idempotent: true, audit: false, tracing: false },
    ]);
  });

  it('reads an archive without retention as kept forever, and no point-in-time recovery', () => {
    expect(settings.input).toMatchObject({ archive: true, archiveRetentionDays: 0, pointInTimeRecovery: false });
  });

  it('counts a Metrics Insights alarm on the verifiers\' namespace as a source alarm, the rest per queue', () => {
    expect(settings.input).toMatchObject({ alarmsPerSource: 1, alarmsPerQueue: 1 });
  });

  it('leaves the verifier settings to the defaults, and says so, without a verifier', () => {
    const empty = stackSettings({ Resources: {} });
    expect(empty.input.sources).toBeUndefined();
    expect(empty.notes).toEqual(['no verifier function (HOOKBRIDGE_SOURCE) in the template: the verifier settings are the defaults']);
  });
});

describe('readConfiguredStack', () => {
  it('returns the reason in one line, never throws, when the assembly cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookbridge-cost-empty-'));
    try {
      const reading = await readConfiguredStack({ cwd: dir, cdkOut: dir, synthOut: join(dir, 'out') });
      expect(reading).toEqual({ ok: false, reason: `no manifest.json in ${dir}; run \`cdk synth\` (or pass the cdk.out directory)` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says there is no app to synthesize without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookbridge-cost-noapp-'));
    try {
      const reading = await readConfiguredStack({ cwd: dir, synthOut: join(dir, 'out') });
      expect(reading.ok).toBe(false);
      expect(reading.ok ? '' : reading.reason).toMatch(/^no CDK app to synthesize in /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
