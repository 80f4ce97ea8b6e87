import { relative } from 'node:path';
import { computeCost, computeGatewayOnly } from './computeCost.js';
import { CostInputError } from './errors.js';
import { AWS_PRICES, VENDOR_PRICES } from './prices.js';
import type { StackReading } from './readConfiguredStack.js';
import type { CostInput, CostReport, IdempotencyStorage, Ingress, LogLevel } from './types.js';
import { withSettings } from './withSettings.js';

const USAGE = `usage: hookbridge cost [--events N] [--consumers K] [--avg-bytes B] [--ingress http-api|function-url]
  [--sources S] [--batch-size N] [--batching-window SECONDS] [--idempotency dynamodb|none] [--filtered-share F]
  [--log-level DEBUG|INFO|WARN|ERROR] [--no-metrics] [--no-archive] [--no-audit] [--no-tracing] [--free-tier] [--json]`;

const NUMBER_FLAGS: Readonly<Record<string, keyof CostInput>> = {
  '--events': 'events',
  '--consumers': 'consumers',
  '--avg-bytes': 'avgBytes',
  '--sources': 'sources',
  '--batch-size': 'batchSize',
  '--batching-window': 'batchingWindowSeconds',
  '--verifier-ms': 'verifierMs',
  '--replay-fraction': 'replayFraction',
  '--filtered-share': 'filteredShare',
};

/** Parsed `hookbridge cost` arguments. */
export interface CostArgs {
  /** The settings the flags give; `events` defaults to 1,000,000. */
  readonly input: CostInput;
  /** The flags given, e.g. `--batch-size`, for the line that says what overrode the stack. */
  readonly given: readonly string[];
  readonly json: boolean;
}

/**
 * Parses `hookbridge cost` arguments (`--flag value` or `--flag=value`).
 * @throws CostInputError naming the flag and the value given
 */
export function parseCostArgs(args: readonly string[]): CostArgs {
  const input: Record<string, unknown> = { events: 1_000_000 };
  const given: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new CostInputError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag in NUMBER_FLAGS) {
      const text = value();
      const number = Number(text.replace(/_/g, ''));
      if (text.trim() === '' || !Number.isFinite(number) || number < 0) throw new CostInputError(`${flag} must be a number ≥ 0 (given ${JSON.stringify(text)})`);
      input[NUMBER_FLAGS[flag]!] = number;
    } else if (flag === '--ingress') input.ingress = oneOf<Ingress>(flag, value(), ['http-api', 'function-url']);
    else if (flag === '--idempotency') input.idempotency = oneOf<IdempotencyStorage>(flag, value(), ['dynamodb', 'none']);
    else if (flag === '--log-level') input.logLevel = oneOf<LogLevel>(flag, value().toUpperCase(), ['DEBUG', 'INFO', 'WARN', 'ERROR']);
    else if (flag === '--no-metrics') input.metrics = false;
    else if (flag === '--no-archive') input.archive = false;
    else if (flag === '--no-audit') input.audit = false;
    else if (flag === '--no-tracing') input.tracing = false;
    else if (flag === '--free-tier') input.freeTier = true;
    else if (flag === '--json') json = true;
    else throw new CostInputError(`unknown option ${JSON.stringify(flag)}\n${USAGE}`);
    if (flag !== '--json' && !given.includes(flag)) given.push(flag);
  }
  return { input: input as unknown as CostInput, given, json };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CostInputError(`${flag} must be one of ${allowed.join(', ')} (given ${JSON.stringify(value)})`);
  return value as T;
}

/**
 * The settings of a `hookbridge cost` run: the model's defaults, overridden by what the
 * configured stack says (when it was read), overridden by the flags.
 */
export function costInput(args: CostArgs, stack?: StackReading): CostInput {
  const fromStack: CostInput = { ...(stack?.ok ? stack.settings.input : {}), events: args.input.events };
  return withSettings(fromStack, args.input);
}

const usd = (value: number): string => (value >= 100 ? `$${value.toFixed(0)}` : value >= 0.01 || value === 0 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`);
const count = (value: number): string => (value >= 1e6 ? `${(value / 1e6).toFixed(2)}M` : value >= 1e3 ? `${(value / 1e3).toFixed(1)}k` : value.toFixed(value < 10 ? 3 : 0));

function table(report: CostReport): string[] {
  const rows = report.lines.map((l) => [l.service, l.item + (l.fixed ? ' [fixed]' : ''), `${count(l.quantity)} ${l.unit}`, usd(l.monthlyUsd), usd(l.perMillionUsd)]);
  const header = ['service', 'line', 'quantity / month', 'per month', 'per 1M webhooks'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (r: readonly string[]): string => r.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)];
}

/** The one line that says where the settings came from. */
function sourceLine(stack: StackReading | undefined, given: readonly string[], cwd: string): string {
  const flags = given.filter((flag) => flag !== '--events');
  const overridden = flags.length > 0 ? `; flags override: ${flags.join(' ')}` : '';
  if (stack === undefined) return `settings: the model's defaults (stack not read)${overridden}`;
  if (!stack.ok) return `settings: the model's defaults — the configured stack could not be read (${stack.reason})${overridden}`;
  return `settings from stack ${stack.stackName} (${relative(cwd, stack.templatePath)}): ${stack.settings.read.join(', ')}${overridden}`;
}

/** How `runCost` finds the configured stack's settings. */
export interface RunCostOptions {
  /** The configured stack as read by `readConfiguredStack`; undefined when it was not read. */
  readonly stack?: StackReading;
  /** Directory paths are shown relative to. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * Renders `hookbridge cost`: where the settings came from, the stack's monthly bill line by line
 * and per million webhooks, the like-for-like "what Hookdeck sells" subset beside Hookdeck's and
 * Svix's published per-event prices, and what the settings that move the dominant lines change.
 * The CLI prints the returned string; `--json` returns the reports as JSON instead.
 *
 * @throws CostInputError for invalid arguments
 */
export function runCost(args: readonly string[], options: RunCostOptions = {}): string {
  const parsed = parseCostArgs(args);
  const input = costInput(parsed, options.stack);
  const stack = computeCost(input);
  const gateway = computeGatewayOnly(input);
  const gatewayUntraced = computeGatewayOnly(withSettings(input, { tracing: false }));
  const variants = settingVariants(input);
  if (parsed.json) {
    return JSON.stringify({ configuredStack: options.stack ?? null, stack, gatewayOnly: gateway, variants, prices: { aws: AWS_PRICES, vendors: VENDOR_PRICES } }, null, 2);
  }

  const s = stack.input;
  const hookdeck = VENDOR_PRICES.hookdeckBest.usd * 1e6;
  const batches = [...new Set(s.consumerProfiles.map((p) => `${p.batchSize} / window ${p.batchingWindowSeconds} s`))].join(', ');
  const out: string[] = [
    `hookbridge cost — AWS us-east-1 list prices checked ${AWS_PRICES.lambdaRequest.checked} (local/cost/prices.ts)`,
    sourceLine(options.stack, parsed.given, options.cwd ?? process.cwd()),
    ...(options.stack?.ok ? options.stack.settings.notes.map((note) => `note: ${note}`) : []),
    `${count(s.events)} webhooks/month, ${s.avgBytes} B average, ${s.consumers} consumers${s.audit ? ' + audit log' : ''}, ${s.ingress}, batch ${batches || '–'}, idempotency ${s.idempotency}, log level ${s.logLevel}${s.freeTier ? ', free tier applied' : ''}`,
    '',
    ...table(stack),
    '',
    `total: ${usd(stack.monthlyUsd)} per month = ${usd(stack.perMillionUsd)} per million webhooks (${usd(stack.marginalPerMillionUsd)} per additional million, fixed lines excluded)`,
    '',
    'Like for like — what Hookdeck sells (receive, verify, deliver to one destination queue):',
    ...table(gateway).map((line) => `  ${line}`),
    `  total: ${usd(gateway.perMillionUsd)} per million at this volume, ${usd(gateway.marginalPerMillionUsd)} per additional million`,
    ...(gateway.input.tracing ? [`  without X-Ray active tracing on the verifiers: ${usd(gatewayUntraced.perMillionUsd)} per million at this volume, ${usd(gatewayUntraced.marginalPerMillionUsd)} per additional million`] : []),
    `  Hookdeck best published tier: ${usd(hookdeck)} per million (${VENDOR_PRICES.hookdeckBest.source}, read ${VENDOR_PRICES.hookdeckBest.checked}); pay-as-you-go ${usd(VENDOR_PRICES.hookdeckPayAsYouGo.usd * 1e6)} per million, plans from $39/month`,
    `  → ${gateway.perMillionUsd <= hookdeck ? 'at or below' : 'ABOVE'} Hookdeck's best tier at this volume; marginal ${gateway.marginalPerMillionUsd <= hookdeck ? 'at or below' : 'ABOVE'} it`,
    `  Svix: ${usd(VENDOR_PRICES.svixOverage.usd * 1e6)} per million messages beyond the plan (Professional from $490/month; ${VENDOR_PRICES.svixOverage.source}, read ${VENDOR_PRICES.svixOverage.checked})`,
    '',
    'Settings that move the dominant lines (whole stack, per million webhooks at this volume):',
    ...variants.map((v) => `  ${v.name.padEnd(62)} ${usd(v.perMillionUsd).padStart(8)}  (${v.deltaPerMillionUsd < 0 ? '−' : '+'}${usd(Math.abs(v.deltaPerMillionUsd))})`),
  ];
  return out.join('\n');
}

/** One alternative configuration and what it does to the bill. */
export interface SettingVariant {
  readonly name: string;
  readonly perMillionUsd: number;
  readonly deltaPerMillionUsd: number;
}

/** The settings that move the dominant lines, each applied alone to `input` (every consumer queue alike). */
export function settingVariants(input: CostInput): SettingVariant[] {
  const base = computeCost(input).perMillionUsd;
  const options: [string, Partial<CostInput>][] = [
    ['Lambda function URL instead of HTTP API', { ingress: 'function-url' }],
    ['no X-Ray active tracing (Tracing.DISABLED)', { tracing: false }],
    ['batching window 20 s (batch size 10)', { batchingWindowSeconds: 20, batchSize: 10 }],
    ['batching window 60 s, batch size 100', { batchingWindowSeconds: 60, batchSize: 100 }],
    ['no idempotency store (consumers idempotent by themselves)', { idempotency: 'none' }],
    ['log level WARN', { logLevel: 'WARN' }],
    ['log level DEBUG', { logLevel: 'DEBUG' }],
    ['no EMF metrics', { metrics: false }],
    ['no archive', { archive: false }],
  ];
  return options.map(([name, change]) => {
    const perMillionUsd = computeCost(withSettings(input, change)).perMillionUsd;
    return { name, perMillionUsd, deltaPerMillionUsd: perMillionUsd - base };
  });
}
