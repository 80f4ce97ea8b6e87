import { readFileSync } from 'node:fs';
import { closestName } from './closestName.js';
import { localCommand } from './commands/localCommand.js';
import { sendCommand } from './commands/sendCommand.js';
import { statusCommand } from './commands/statusCommand.js';
import { costCommand } from './commands/costCommand.js';
import { DEBUG_ENV } from './constants.js';
import { CliError, UsageError } from './errors.js';
import { formatCommandHelp, formatMainHelp } from './formatHelp.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { Command, CommandContext, StartLocalRuntime } from './types.js';

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [localCommand, sendCommand, statusCommand, costCommand];

/** Built-in error classes: thrown by them means a bug, not a classified failure. */
const BUILT_IN_ERRORS: ReadonlySet<unknown> = new Set([Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError]);

/**
 * Runs `hookbridge <argv…>` and resolves to the exit code: 0 success, 1 runtime error, 2 usage
 * error. Never throws: every error becomes one line on stderr (plus the stack of an unexpected
 * one with `HOOKBRIDGE_DEBUG=1`).
 */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  try {
    return await dispatch(argv, context);
  } catch (error) {
    return reportError(error, context);
  }
}

async function dispatch(argv: readonly string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      context.io.out(formatCommandHelp(findCommand(topic)));
      return 0;
    }
    context.io.out(formatMainHelp(COMMANDS, version()));
    // `hookbridge` alone is a usage error (what to run?), asking for help is not.
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    context.io.out(version());
    return 0;
  }
  if (first.startsWith('-')) {
    throw new UsageError(`unknown flag ${first} before the command (hookbridge <command> [flags]; commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  }
  const command = findCommand(first);
  const parsed = parseCommandLine(command, rest);
  if (parsed.help) {
    context.io.out(formatCommandHelp(command));
    return 0;
  }
  return command.run(parsed.args, parsed.flags, context);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  const names = COMMANDS.map((candidate) => candidate.name);
  const suggestion = closestName(name, names);
  throw new UsageError(`unknown command ${JSON.stringify(name)} (${suggestion ? `did you mean ${suggestion}?` : `commands: ${names.join(', ')}`})`);
}

function reportError(error: unknown, context: CommandContext): number {
  const debug = context.env[DEBUG_ENV] === '1';
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (error instanceof CliError) {
    context.io.err(`hookbridge: ${message}`);
    if (debug && error.stack) context.io.err(error.stack);
    return error.exitCode;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const { address, port } = error as { address?: string; port?: number };
    context.io.err(`hookbridge: ${address ?? 'the address'}:${port ?? '?'} is already in use; stop what holds it, or pass another --port/--edge-port (0 picks a free one)`);
    return 1;
  }
  // The runtime's modules throw their own Error-suffixed classes with one-line, fix-naming
  // messages (STYLE.md); only built-in errors are unexpected.
  if (error instanceof Error && !BUILT_IN_ERRORS.has(error.constructor)) {
    context.io.err(`hookbridge: ${message}`);
    if (debug && error.stack) context.io.err(error.stack);
    return 1;
  }
  context.io.err(`hookbridge: unexpected error: ${message} — please report this (run with ${DEBUG_ENV}=1 for the stack trace)`);
  if (debug && error instanceof Error && error.stack) context.io.err(error.stack);
  return 1;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

let cachedVersion: string | undefined;

function version(): string {
  if (cachedVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
      cachedVersion = pkg.version ?? 'unknown';
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion;
}

/** The loader of the real runtime; a missing runtime is named, not dumped as a module error. */
async function loadRuntime(): Promise<StartLocalRuntime> {
  const specifier = '../runtime/index.js';
  let module: { startLocalRuntime?: StartLocalRuntime };
  try {
    module = (await import(specifier)) as { startLocalRuntime?: StartLocalRuntime };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('runtime')) {
      throw new CliError('the local runtime is not installed (local/runtime/index.ts is missing); reinstall hookbridge', 1, { cause: error });
    }
    throw error;
  }
  if (typeof module.startLocalRuntime !== 'function') {
    throw new CliError('local/runtime/index.ts does not export startLocalRuntime; reinstall hookbridge');
  }
  return module.startLocalRuntime;
}

/**
 * The context of a real process: its streams, environment and directory, the real runtime, and
 * SIGINT/SIGTERM as the stop request (a second signal exits at once).
 */
export function processContext(): CommandContext {
  return {
    io: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    env: process.env,
    cwd: process.cwd(),
    loadRuntime,
    stopRequested: () =>
      new Promise<string>((resolve) => {
        let stopping = false;
        const onSignal = (signal: NodeJS.Signals): void => {
          if (stopping) {
            process.stderr.write(`hookbridge: ${signal} again, exiting without waiting\n`);
            process.exit(130);
          }
          stopping = true;
          resolve(signal);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      }),
  };
}

/** Entry of the `hookbridge` bin (see hookbridge.mjs): runs and exits with the code. */
export async function run(argv: readonly string[]): Promise<never> {
  const code = await main(argv, processContext());
  process.exit(code);
}
