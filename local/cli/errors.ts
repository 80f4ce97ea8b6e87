/**
 * Errors of the `hookbridge` CLI. Every message is one line printed as `hookbridge: <message>`:
 * the problem, the value involved, then what to do about it. Anything that is not a `CliError`
 * is a bug and is reported as one.
 */

/** Base class of every error the CLI raises on purpose; `exitCode` is the process exit code. */
export class CliError extends Error {
  public readonly exitCode: number;

  public constructor(message: string, exitCode = 1, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong: unknown command or flag, a missing or extra argument (exit 2). */
export class UsageError extends CliError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = 'UsageError';
  }
}

/** A setting (flag or environment variable) has an invalid value (exit 2). */
export class SettingsError extends CliError {
  /** The setting as the user wrote it, e.g. `--port` or `PORT`. */
  public readonly setting: string;

  public constructor(setting: string, message: string, options?: ErrorOptions) {
    super(message, 2, options);
    this.name = 'SettingsError';
    this.setting = setting;
  }
}

/** The outputs file is missing, unreadable or does not hold what a command needs (exit 1). */
export class OutputsError extends CliError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, 1, options);
    this.name = 'OutputsError';
  }
}

/** The cloud assembly (`cdk.out`) is missing or does not describe what a command needs (exit 1). */
export class AssemblyError extends CliError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, 1, options);
    this.name = 'AssemblyError';
  }
}

/** A remote call failed or answered something unexpected: HTTP, SQS, Secrets Manager (exit 1). */
export class RemoteError extends CliError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, 1, options);
    this.name = 'RemoteError';
  }
}
