import { parseArgs } from 'node:util';
import { closestName } from './closestName.js';
import { UsageError } from './errors.js';
import type { Command, FlagValues } from './types.js';

/** A command line after parsing: positional arguments, flag values, and whether help was asked for. */
export interface ParsedCommandLine {
  readonly args: readonly string[];
  readonly flags: FlagValues;
  readonly help: boolean;
}

/**
 * Parses the arguments after the command name against the command's flags.
 *
 * `node:util` `parseArgs` runs non-strict with tokens so that every mistake gets hookbridge's own
 * one-line message (with a suggestion) instead of Node's multi-line one.
 * @see https://nodejs.org/api/util.html#utilparseargsconfig
 * @throws UsageError for an unknown flag, a flag without its value (or with one it takes none),
 *   or missing or extra positional arguments
 */
export function parseCommandLine(command: Command, argv: readonly string[]): ParsedCommandLine {
  const specs = command.flags;
  const options = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }]));
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const flags: Record<string, string | boolean> = {};
  const args: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      args.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const spec = specs[token.name];
    if (!spec) {
      const known = Object.keys(specs);
      const suggestion = closestName(token.name, known);
      const fix = suggestion
        ? ` (did you mean --${suggestion}?)`
        : known.length > 0
          ? ` (see \`hookbridge ${command.name} --help\`)`
          : ` (${command.name} takes no flags)`;
      throw new UsageError(`unknown flag ${token.rawName}${fix}`);
    }
    if (spec.type === 'string') {
      if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith('--'))) {
        throw new UsageError(`flag --${token.name} needs a value (--${token.name} ${spec.value ?? 'VALUE'})`);
      }
      flags[token.name] = token.value;
    } else {
      if (token.value !== undefined) throw new UsageError(`flag --${token.name} takes no value (given ${token.rawName}=${token.value})`);
      flags[token.name] = true;
    }
  }

  if (!help) {
    if (args.length < command.positionals.length) {
      const missing = command.positionals[args.length]!;
      throw new UsageError(`${command.name} needs <${missing}> (hookbridge ${command.usage})`);
    }
    if (args.length > command.positionals.length) {
      throw new UsageError(`${command.name} takes ${describeCount(command.positionals)}, given extra argument ${JSON.stringify(args[command.positionals.length])} (hookbridge ${command.usage})`);
    }
  }
  return { args, flags, help };
}

function describeCount(positionals: readonly string[]): string {
  if (positionals.length === 0) return 'no arguments';
  return positionals.map((name) => `<${name}>`).join(' ') + ' only';
}
