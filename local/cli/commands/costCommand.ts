import type { Command, FlagSpec } from '../types.js';
import { CliError } from '../errors.js';

const number = (value: string, description: string): FlagSpec => ({ type: 'string', value, description });

/** `hookbridge cost`: the monthly AWS cost of the configured stack, per million webhooks. */
export const costCommand: Command = {
  name: 'cost',
  summary: 'Estimate the monthly AWS cost of the stack, line by line per million webhooks',
  usage: 'cost [flags]',
  positionals: [],
  flags: {
    events: number('N', 'Webhooks per month (default 1000000)'),
    consumers: number('K', 'Consumers each event reaches (default: the default app)'),
    'avg-bytes': number('B', 'Average webhook body in bytes'),
    sources: number('S', 'Webhook sources'),
    ingress: { type: 'string', value: 'KIND', description: 'http-api (default) or function-url' },
    'batch-size': number('N', 'Event source mapping batch size'),
    'batching-window': number('SECONDS', 'Event source mapping batching window'),
    idempotency: { type: 'string', value: 'STORE', description: 'dynamodb (default) or none' },
    'log-level': { type: 'string', value: 'LEVEL', description: 'DEBUG, INFO (default), WARN or ERROR' },
    'verifier-ms': number('MS', 'Verifier duration per request'),
    'replay-fraction': number('F', 'Share of events replayed from the archive'),
    'no-metrics': { type: 'boolean', description: 'Without the verifier metrics' },
    'no-archive': { type: 'boolean', description: 'Without the bus archive' },
    'no-audit': { type: 'boolean', description: 'Without the audit-log consumer' },
    'free-tier': { type: 'boolean', description: 'Subtract the AWS free tier' },
    json: { type: 'boolean', description: 'Print JSON instead of a table' },
  },
  details: 'Prices: the dated us-east-1 table in local/cost/prices.ts, beside Hookdeck\'s and Svix\'s published per-event prices.',

  async run(_args, flags, context) {
    const { runCost, CostInputError } = await import('../../cost/index.js');
    const args = Object.entries(flags).flatMap(([name, value]) =>
      value === undefined || value === false ? [] : value === true ? [`--${name}`] : [`--${name}`, value],
    );
    try {
      for (const line of runCost(args).split('\n')) context.io.out(line);
      return 0;
    } catch (error) {
      if (error instanceof CostInputError) throw new CliError(error.message.split('\n')[0]!, 2);
      throw error;
    }
  },
};
