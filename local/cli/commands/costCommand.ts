import type { StackReading } from '../../cost/index.js';
import type { Command, CommandContext, FlagSpec, FlagValues } from '../types.js';
import { CliError, SettingsError } from '../errors.js';
import { parseLocalSettings } from '../settings.js';

const number = (value: string, description: string): FlagSpec => ({ type: 'string', value, description });

/** Flags that say where the configured stack is; the rest are cost settings. */
const STACK_FLAGS: readonly string[] = ['app', 'cdk-out', 'stack', 'no-stack'];

/**
 * `hookbridge cost`: the monthly AWS cost of the configured stack, per million webhooks. The
 * settings come from the stack `hookbridge local` would run (synthesized the same way, or the
 * `--cdk-out` given); flags override them; without a readable stack the model's defaults apply
 * and the output says why in one line.
 */
export const costCommand: Command = {
  name: 'cost',
  summary: 'Estimate the monthly AWS cost of the stack, line by line per million webhooks',
  usage: 'cost [flags]',
  positionals: [],
  flags: {
    events: number('N', 'Webhooks per month (default 1000000)'),
    consumers: number('K', 'Consumers each event reaches, besides the audit log (default: the stack\'s)'),
    'avg-bytes': number('B', 'Average webhook body in bytes (default 2048)'),
    sources: number('S', 'Webhook sources (default: the stack\'s)'),
    ingress: { type: 'string', value: 'KIND', description: 'http-api or function-url (default: the stack\'s)' },
    'batch-size': number('N', 'Event source mapping batch size, every consumer'),
    'batching-window': number('SECONDS', 'Event source mapping batching window, every consumer'),
    idempotency: { type: 'string', value: 'STORE', description: 'dynamodb or none, every consumer but the audit log' },
    'filtered-share': number('F', 'Share (0-1) of the webhooks a consumer whose rule filters gets (default 1)'),
    'log-level': { type: 'string', value: 'LEVEL', description: 'DEBUG, INFO, WARN or ERROR, every function' },
    'verifier-ms': number('MS', 'Verifier duration per request (default 20)'),
    'replay-fraction': number('F', 'Share of events replayed from the archive'),
    'no-metrics': { type: 'boolean', description: 'Without the verifier metrics' },
    'no-archive': { type: 'boolean', description: 'Without the bus archive' },
    'no-audit': { type: 'boolean', description: 'Without the audit-log consumer' },
    'no-tracing': { type: 'boolean', description: 'Without X-Ray active tracing' },
    'free-tier': { type: 'boolean', description: 'Subtract the AWS free tier' },
    json: { type: 'boolean', description: 'Print JSON instead of a table' },
    app: { type: 'string', value: 'CMD', description: 'CDK app command to synthesize (default: "app" of cdk.json)' },
    'cdk-out': { type: 'string', value: 'DIR', description: 'Read this cloud assembly instead of synthesizing' },
    stack: { type: 'string', value: 'NAME', description: 'Stack to read when the app has several' },
    'no-stack': { type: 'boolean', description: 'Do not read the stack: the model\'s defaults and the flags only' },
  },
  details: [
    'Settings: read from the stack `hookbridge local` runs (synthesized into .hookbridge/cdk.out when stale), then the flags.',
    'Prices: the dated us-east-1 table in local/cost/prices.ts, beside Hookdeck\'s and Svix\'s published per-event prices.',
  ].join('\n'),

  async run(_args, flags, context) {
    const { runCost, parseCostArgs, CostInputError } = await import('../../cost/index.js');
    const args = Object.entries(flags)
      .filter(([name]) => !STACK_FLAGS.includes(name))
      .flatMap(([name, value]) => (value === undefined || value === false ? [] : value === true ? [`--${name}`] : [`--${name}`, value]));
    try {
      // Bad cost flags fail before a synthesis that takes a while.
      parseCostArgs(args);
      const stack = flags['no-stack'] === true ? undefined : await readStack(flags, context);
      for (const line of runCost(args, { stack, cwd: context.cwd }).split('\n')) context.io.out(line);
      return 0;
    } catch (error) {
      if (error instanceof CostInputError) throw new CliError(error.message.split('\n')[0]!, 2);
      throw error;
    }
  },
};

/**
 * The configured stack, located as `hookbridge local` locates it (`--cdk-out`, else `--app` or
 * cdk.json's app synthesized into `.hookbridge/cdk.out`). An invalid `--app`/`--cdk-out` is an
 * error; no app at all, or one that cannot be synthesized or read, is a reading without settings.
 */
async function readStack(flags: FlagValues, context: CommandContext): Promise<StackReading> {
  const { readConfiguredStack } = await import('../../cost/index.js');
  const located = { app: flags.app, 'cdk-out': flags['cdk-out'], stack: flags.stack };
  let settings: ReturnType<typeof parseLocalSettings>;
  try {
    settings = parseLocalSettings(located, {}, context.cwd);
  } catch (error) {
    if (error instanceof SettingsError && located.app === undefined && located['cdk-out'] === undefined) return { ok: false, reason: error.message };
    throw error;
  }
  const { cwd, app, cdkOut, synthOut, stack } = settings;
  return readConfiguredStack({ cwd, app, cdkOut, synthOut, stack }, (line) => context.io.err(`hookbridge: ${line}`));
}
