import type { Command } from './types.js';

/** The help of one command: usage, summary, flags (with the environment variable each overrides), details. */
export function formatCommandHelp(command: Command): string {
  const rows: Array<[string, string]> = Object.entries(command.flags).map(([name, spec]) => {
    const left = spec.type === 'string' ? `--${name} ${spec.value ?? 'VALUE'}` : `--${name}`;
    return [left, spec.env ? `${spec.description} (env ${spec.env})` : spec.description];
  });
  rows.push(['-h, --help', 'Show this help']);
  const lines = [`Usage: hookbridge ${command.usage}`, '', command.summary, '', 'Flags:', ...table(rows)];
  if (command.details) lines.push('', command.details);
  return lines.join('\n');
}

/** The help of `hookbridge` itself: the commands. */
export function formatMainHelp(commands: readonly Command[], version: string): string {
  return [
    `hookbridge ${version} — verified webhooks → EventBridge → SQS → idempotent consumers, locally or on AWS`,
    '',
    'Usage: hookbridge <command> [flags]',
    '',
    'Commands:',
    ...table(commands.map((command) => [command.name, command.summary])),
    '',
    'Run `hookbridge <command> --help` for its flags. Flags override environment variables.',
    'Set HOOKBRIDGE_DEBUG=1 to print stack traces of unexpected errors.',
  ].join('\n');
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
