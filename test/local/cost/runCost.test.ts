import { describe, expect, it } from 'vitest';
import { CostInputError, parseCostArgs, runCost, type StackReading } from '../../../local/cost/index.js';

/** A reading as readConfiguredStack returns it for a two-source stack with one consumer queue. */
const reading: StackReading = {
  ok: true,
  stackName: 'Acme',
  templatePath: '/work/acme/.hookbridge/cdk.out/Acme.template.json',
  settings: {
    input: {
      sources: 2,
      logLevel: 'WARN',
      consumers: 1,
      audit: false,
      consumerProfiles: [{ name: 'billing', batchSize: 25, batchingWindowSeconds: 10, memoryMb: 512, architecture: 'arm64', logLevel: 'WARN', idempotent: true, audit: false, tracing: true }],
    },
    read: ['2 sources', '1 consumer queues (billing)'],
    notes: ['1 consumer(s) filter events (billing); assumed to get every one'],
  },
};

describe('runCost', () => {
  it('renders the default stack per million webhooks beside Hookdeck and Svix', () => {
    // WHEN
    const text = runCost([]);
    // THEN
    expect(text).toContain('1.00M webhooks/month, 2048 B average, 5 consumers + audit log, http-api');
    expect(text).toMatch(/total: \$\d+\.\d{2} per month = \$\d+\.\d{2} per million webhooks/);
    expect(text).toContain('Hookdeck best published tier: $3.30 per million');
    expect(text).toContain('Svix: $100 per million messages');
    expect(text).toContain('Lambda function URL instead of HTTP API');
    expect(text).toContain('no X-Ray active tracing (Tracing.DISABLED)');
  });

  it('takes --events, --consumers and --avg-bytes in either flag form', () => {
    expect(parseCostArgs(['--events', '5000000', '--consumers=2', '--avg-bytes', '10240']).input).toEqual({ events: 5_000_000, consumers: 2, avgBytes: 10_240 });
    expect(runCost(['--events', '5000000', '--consumers=2'])).toContain('5.00M webhooks/month, 2048 B average, 2 consumers');
  });

  it('says in one line where the settings came from: the stack read, and the flags that override it', () => {
    const lines = runCost(['--batch-size', '10', '--events', '2000000'], { stack: reading, cwd: '/work/acme' }).split('\n');
    expect(lines[1]).toBe('settings from stack Acme (.hookbridge/cdk.out/Acme.template.json): 2 sources, 1 consumer queues (billing); flags override: --batch-size');
    expect(lines[2]).toBe('note: 1 consumer(s) filter events (billing); assumed to get every one');
    // The stack's one consumer queue, no audit log, its log level; the flag's batch size on top.
    expect(lines[3]).toBe('2.00M webhooks/month, 2048 B average, 1 consumers, http-api, batch 10 / window 10 s, idempotency dynamodb, log level WARN');
  });

  it('says why the defaults are used when the stack could not be read', () => {
    const lines = runCost([], { stack: { ok: false, reason: '`cdk synth` failed: boom; fix the app' } }).split('\n');
    expect(lines[1]).toBe("settings: the model's defaults — the configured stack could not be read (`cdk synth` failed: boom; fix the app)");
    expect(lines[2]).toContain('5 consumers + audit log');
  });

  it('replaces the stack\'s consumer queues with --consumers', () => {
    expect(runCost(['--consumers', '3'], { stack: reading, cwd: '/work/acme' })).toContain('1.00M webhooks/month, 2048 B average, 3 consumers, http-api, batch 10 / window 0 s');
  });

  it('returns the reports, the stack reading and the price table as JSON with --json', () => {
    const parsed = JSON.parse(runCost(['--json', '--ingress', 'function-url'], { stack: reading })) as {
      configuredStack: { stackName: string };
      stack: { input: { ingress: string; sources: number } };
      prices: { aws: Record<string, { source: string }> };
    };
    expect(parsed.stack.input).toMatchObject({ ingress: 'function-url', sources: 2 });
    expect(parsed.configuredStack.stackName).toBe('Acme');
    expect(Object.values(parsed.prices.aws).every((p) => p.source.startsWith('https://aws.amazon.com/'))).toBe(true);
  });

  it('fails if an option is unknown or a value is not a number', () => {
    expect(() => runCost(['--bogus'])).toThrow(CostInputError);
    expect(() => runCost(['--events', 'many'])).toThrow('--events must be a number ≥ 0 (given "many")');
    expect(() => runCost(['--ingress', 'alb'])).toThrow('--ingress must be one of http-api, function-url (given "alb")');
  });
});
