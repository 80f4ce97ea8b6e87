import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/cli/runCli.js';

/** A cloud assembly holding one small hand-written stack: two verifiers behind an HTTP API, one consumer queue. */
function writeAssembly(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts: { Acme: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Acme.template.json' } } } }));
  const verifier = (source: string) => ({
    Type: 'AWS::Lambda::Function',
    Properties: { MemorySize: 512, Architectures: ['arm64'], Environment: { Variables: { HOOKBRIDGE_SOURCE: source, HOOKBRIDGE_EVENT_SOURCE: `webhooks.${source}`, POWERTOOLS_LOG_LEVEL: 'WARN' } } },
  });
  const template = {
    Resources: {
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
      VerifierA: verifier('alpha'),
      VerifierB: verifier('beta'),
      Consumer: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 256, Architectures: ['arm64'], Environment: { Variables: { HOOKBRIDGE_CONSUMER: 'billing', HOOKBRIDGE_IDEMPOTENCY_TABLE: 't' } } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
      Rule: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['webhooks.alpha', 'webhooks.beta'] }, Targets: [{ Id: 'q', Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] } },
      Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { BatchSize: 10, EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, FunctionName: { Ref: 'Consumer' } } },
    },
  };
  writeFileSync(join(dir, 'Acme.template.json'), JSON.stringify(template));
}

describe('hookbridge cost', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookbridge-cli-cost-'));
    writeAssembly(join(dir, 'assembly'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the whole stack line by line per million webhooks, and the like-for-like comparison', async () => {
    const run = await runBin(['cost', '--no-stack', '--events', '2000000', '--consumers', '3'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.out[1]).toBe("settings: the model's defaults (stack not read); flags override: --consumers");
    expect(run.stdout).toContain('2.00M webhooks/month');
    expect(run.stdout).toMatch(/^total: \$[\d.,]+ per month = \$[\d.]+ per million webhooks/m);
    expect(run.stdout).toContain('Like for like');
    expect(run.stdout).toContain('Hookdeck best published tier');
  });

  it('reads the settings of the stack in --cdk-out and says so in one line', async () => {
    const run = await runBin(['cost', '--cdk-out', 'assembly'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out[1]).toMatch(/^settings from stack Acme \(assembly\/Acme\.template\.json\): 2 sources, verifier 512 MB arm64, HTTP API without access log, no archive, 1 consumer queues \(billing\), /);
    expect(run.stdout).toContain('1.00M webhooks/month, 2048 B average, 1 consumers, http-api, batch 10 / window 0 s, idempotency dynamodb, log level WARN');
    expect(run.stdout).toContain('verifier invocations (2 functions)');
  });

  it('falls back to the defaults with a one-line reason when there is no CDK app', async () => {
    const run = await runBin(['cost'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out[1]).toBe(`settings: the model's defaults — the configured stack could not be read (no CDK app to run: ${dir} has no cdk.json with an "app"; pass --app "npx tsx bin/app.ts" or --cdk-out cdk.out)`);
  });

  it('falls back to the defaults with a one-line reason when the app does not synthesize', async () => {
    const app = join(dir, 'broken-app');
    mkdirSync(app);
    writeFileSync(join(app, 'cdk.json'), JSON.stringify({ app: 'node -e "process.exit(3)"' }));

    const run = await runBin(['cost'], { cwd: app });

    expect(run.code).toBe(0);
    expect(run.err).toEqual(['hookbridge: synthesizing node -e "process.exit(3)" into .hookbridge/cdk.out to read the configured stack ...']);
    expect(run.out[1]).toMatch(/^settings: the model's defaults — the configured stack could not be read \(`cdk synth` failed: .*\)$/);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('fails if --cdk-out holds no assembly, in one line (exit 2)', async () => {
    const run = await runBin(['cost', '--cdk-out', 'nowhere'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: --cdk-out nowhere holds no cloud assembly (no manifest.json); run `cdk synth` or pass the directory it wrote']);
  });

  it('fails if a number flag is not a number, in one line (exit 2), before reading the stack', async () => {
    const run = await runBin(['cost', '--events', 'lots'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^hookbridge: .*--events.*lots/);
  });
});
