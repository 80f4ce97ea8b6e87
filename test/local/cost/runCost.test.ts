import { describe, expect, it } from 'vitest';
import { CostInputError, parseCostArgs, runCost } from '../../../local/cost/index.js';

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
  });

  it('takes --events, --consumers and --avg-bytes in either flag form', () => {
    expect(parseCostArgs(['--events', '5000000', '--consumers=2', '--avg-bytes', '10240']).input).toEqual({ events: 5_000_000, consumers: 2, avgBytes: 10_240 });
    expect(runCost(['--events', '5000000', '--consumers=2'])).toContain('5.00M webhooks/month, 2048 B average, 2 consumers');
  });

  it('returns the reports and the price table as JSON with --json', () => {
    const parsed = JSON.parse(runCost(['--json', '--ingress', 'function-url'])) as { stack: { input: { ingress: string } }; prices: { aws: Record<string, { source: string }> } };
    expect(parsed.stack.input.ingress).toBe('function-url');
    expect(Object.values(parsed.prices.aws).every((p) => p.source.startsWith('https://aws.amazon.com/'))).toBe(true);
  });

  it('fails if an option is unknown or a value is not a number', () => {
    expect(() => runCost(['--bogus'])).toThrow(CostInputError);
    expect(() => runCost(['--events', 'many'])).toThrow('--events must be a number ≥ 0 (given "many")');
    expect(() => runCost(['--ingress', 'alb'])).toThrow('--ingress must be one of http-api, function-url (given "alb")');
  });
});
