import type { LocalSettings } from './settings.js';

/** Where a command writes; the process's streams in production, buffers in tests. */
export interface CliIo {
  /** One line of normal output (stdout). */
  out(line: string): void;
  /** One line of diagnostics (stderr). */
  err(line: string): void;
}

/** The running local runtime, as `startLocalRuntime` hands it back. */
export interface LocalRuntimeHandle {
  /** Stops every server and worker; resolves when all are closed. */
  close(): Promise<void>;
}

/**
 * The entry point `local/runtime/index.ts` exports. It prints each URL and the ready line itself
 * through `io.log`, and writes the outputs file and the local endpoints file.
 */
export type StartLocalRuntime = (settings: LocalSettings, io: { log(line: string): void }) => Promise<LocalRuntimeHandle>;

/** Everything a command may touch of its surroundings; injected so tests run commands in-process. */
export interface CommandContext {
  readonly io: CliIo;
  /** The environment the settings fall back to (flags override it). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Loads the local runtime; in production a dynamic import of `../runtime/index.js`. */
  readonly loadRuntime: () => Promise<StartLocalRuntime>;
  /**
   * Resolves when the process is asked to stop (SIGINT/SIGTERM); in production the process
   * signals, in tests a promise the test settles.
   */
  readonly stopRequested: () => Promise<string>;
}

/** Parsed flags of one command: each declared flag's value, if given. */
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** One flag a command accepts. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder in the help, e.g. `PORT`. */
  readonly value?: string;
  /** One line of help. */
  readonly description: string;
  /** Environment variable the flag overrides, shown in the help. */
  readonly env?: string;
}

/** One `hookbridge` command. */
export interface Command {
  readonly name: string;
  /** One line for `hookbridge --help`. */
  readonly summary: string;
  /** Usage line after `hookbridge `, e.g. `send <source> [flags]`. */
  readonly usage: string;
  /** Names of the positional arguments, required in order. */
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Extra help text after the flags (examples, notes). */
  readonly details?: string;
  /** Runs the command; resolves to the exit code. */
  run(args: readonly string[], flags: FlagValues, context: CommandContext): Promise<number>;
}
