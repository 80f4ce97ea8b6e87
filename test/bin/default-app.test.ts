import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_EMAIL_CONTEXT, createDefaultApp, DEFAULT_STACK_NAME } from '../../bin/default-app.js';
import { cdkJsonContext, unbundledContext } from '../helpers/cdk/context.js';
import { nagFindings } from '../helpers/cdk/nag.js';

const ORDER_TO_CASH = ['crm-sync', 'fraud-check', 'fulfillment-prep', 'finance-posting'];

describe('default app (unbundled, with CloudFormation schema validation and cdk-nag as synth plugins)', () => {
  let outdir: string;
  let app: App;
  let template: Template;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'hookbridge-synth-'));
    app = createDefaultApp({ context: unbundledContext(), outdir }).app;
    // Throws if any validation plugin (CloudFormation schema, AwsSolutions, Serverless) reports an error.
    const assembly = app.synth();
    template = Template.fromJSON(assembly.getStackByName(DEFAULT_STACK_NAME).template);
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('writes an empty validation report: no finding of any plugin, errors or warnings', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });

  it('has zero unacknowledged AwsSolutions and Serverless findings', () => {
    expect(nagFindings(app)).toEqual([]);
  });

  it('has the seven sources with their schemes', () => {
    for (const [source, scheme] of [
      ['shopify', 'shopify'],
      ['github', 'github'],
      ['stripe', 'stripe'],
      ['slack', 'slack'],
      ['standard', 'standard'],
      ['twilio', 'twilio'],
      ['generic', 'generic'],
    ]) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ HOOKBRIDGE_SOURCE: source, HOOKBRIDGE_SCHEME: scheme }) },
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `ANY /webhooks/${source}` });
    }
  });

  it('reads the generic source from X-Signature, HMAC-SHA256, hex, "sha256=" accepted but not required', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          HOOKBRIDGE_SOURCE: 'generic',
          HOOKBRIDGE_SCHEME_OPTIONS: JSON.stringify({ header: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', prefixRequired: false }),
        }),
      },
    });
  });

  it('sends Shopify orders/create to the four order-to-cash consumers', () => {
    const rules = template.findResources('AWS::Events::Rule', {
      Properties: { EventPattern: { source: ['webhooks.shopify'], 'detail-type': ['orders/create'] } },
    });
    expect(Object.keys(rules)).toHaveLength(4);
    for (const consumer of ORDER_TO_CASH) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ HOOKBRIDGE_CONSUMER: consumer }) },
      });
    }
  });

  it('holds finance posting to 2 concurrent invocations', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 2 } });
  });

  it('audits every event into the audit table', () => {
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { account: [{ Ref: 'AWS::AccountId' }] }, Targets: Match.anyValue() });
    template.hasOutput('AuditTableName', { Value: { Ref: Match.stringLikeRegexp('^AuditTable') } });
  });

  it('outputs a URL per source and a queue and DLQ per consumer', () => {
    const keys = Object.keys(template.toJSON().Outputs as object);
    for (const s of ['Shopify', 'Github', 'Stripe', 'Slack', 'Standard', 'Twilio', 'Generic']) expect(keys).toContain(`WebhookUrl${s}`);
    for (const c of ['CrmSync', 'FraudCheck', 'FulfillmentPrep', 'FinancePosting', 'AuditLog']) {
      expect(keys).toEqual(expect.arrayContaining([`Queue${c}Url`, `Dlq${c}Url`, `DeliveryDlq${c}Url`]));
    }
  });

  it('acknowledges findings only on the resources they concern (never a Stack, Stage or App), each with a reason', () => {
    const acknowledged = app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => ({ c, data: m.data as Record<string, string> })));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { c, data } of acknowledged) {
      expect(Stack.isStack(c) || Stage.isStage(c), c.node.path).toBe(false);
      for (const [rule, reason] of Object.entries(data)) expect(reason.length, `${c.node.path} ${rule}`).toBeGreaterThanOrEqual(80);
    }
  });
});

describe('default app wiring', () => {
  it('has zero findings with the alarm e-mail subscription too', () => {
    const { app } = createDefaultApp({ context: unbundledContext({ [ALARM_EMAIL_CONTEXT]: 'oncall@example.com' }), builtinCloudFormationValidation: false } as never);
    expect(nagFindings(app)).toEqual([]);
  });

  it('fails synth on an unacknowledged finding (the nag packs run as synth plugins)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'hookbridge-synth-'));
    try {
      const { stack, app } = createDefaultApp({ context: unbundledContext(), outdir });
      new Bucket(stack, 'Unacknowledged');
      expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('default app bundled by esbuild (what `cdk synth` deploys)', () => {
  it('bundles every function locally into a CommonJS index.js', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'hookbridge-bundled-'));
    try {
      // The CLI turns asset metadata on; it tells which asset directory holds each function's bundle.
      const context = { ...cdkJsonContext(), 'aws:cdk:enable-asset-metadata': true };
      const assembly = createDefaultApp({ context, outdir }).app.synth();
      const stack = assembly.getStackByName(DEFAULT_STACK_NAME);
      const functions = Object.values(stack.template.Resources as Record<string, { Type: string; Metadata?: Record<string, string> }>).filter(
        (r) => r.Type === 'AWS::Lambda::Function',
      );
      expect(functions).toHaveLength(13);
      for (const fn of functions) {
        const bundle = join(outdir, fn.Metadata!['aws:asset:path']!, 'index.js');
        expect(existsSync(bundle), bundle).toBe(true);
        expect(statSync(bundle).size).toBeGreaterThan(100);
        const code = readFileSync(bundle, 'utf8');
        expect(code).toMatch(/module\.exports|exports\.handler/);
        expect(code).not.toMatch(/\bimport\.meta\b/);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 300_000);
});
