import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CDK_OUT, DEFAULT_EDGE_PORT, DEFAULT_HOST, DEFAULT_OUTPUTS_FILE, DEFAULT_PORT } from './constants.js';
import { localEndpointsFileFor } from './endpoints.js';
import { SettingsError } from './errors.js';
import { readSecretsFile, type WebhookSecrets } from './readSecretsFile.js';
import type { FlagValues } from './types.js';

/**
 * Everything `hookbridge local` runs with, validated: numbers are numbers, paths are absolute,
 * the secrets file is read. `local/runtime` receives exactly this object.
 */
export interface LocalSettings {
  /** Webhook port (`--port`, `PORT`); `0` picks a free one. @default 3000 */
  readonly port: number;
  /** Interface every server listens on (`--host`, `HOST`). @default '127.0.0.1' */
  readonly host: string;
  /** Port of the AWS edge (`--edge-port`, `EDGE_PORT`); `0` picks a free one. @default 4566 */
  readonly edgePort: number;
  /** Absolute path of the secrets file (`--secrets-file`, `WEBHOOK_SECRETS_FILE`). @default - none */
  readonly secretsFile?: string;
  /**
   * Signing secret per source from the secrets file: one string, or several during a rotation.
   * A source without one gets a generated secret, printed once. @default {}
   */
  readonly secrets: WebhookSecrets;
  /** Max webhook body bytes (`--body-limit`, `BODY_LIMIT`). @default - each source's own limit */
  readonly bodyLimit?: number;
  /** Absolute directory that journals state across restarts (`--state-dir`, `STATE_DIR`). @default - in memory only */
  readonly stateDir?: string;
  /**
   * Absolute directory each function execution environment writes its CPU profile to when the
   * runtime stops (`--cpu-prof-dir`, `CPU_PROF_DIR`); created if missing. @default - not profiled
   */
  readonly cpuProfDir?: string;
  /** Unix seconds the functions' clocks start at (`--now`, `NOW_OVERRIDE`). @default - the real clock */
  readonly now?: number;
  /** CDK app command to synthesize (`--app`). @default - `app` of ./cdk.json; none when `cdkOut` is set */
  readonly app?: string;
  /** Absolute path of a cloud assembly to run without synthesizing (`--cdk-out`). @default - synthesize `app` */
  readonly cdkOut?: string;
  /** Directory `app` is synthesized into when `cdkOut` is not set. */
  readonly synthOut: string;
  /** Stack to run (`--stack`); required when the assembly holds several. @default - the only stack */
  readonly stack?: string;
  /** Absolute path the outputs are written to (`--outputs-file`). @default '.hookbridge/outputs.json' */
  readonly outputsFile: string;
  /** Absolute path of the local endpoints file, beside the outputs file. */
  readonly endpointsFile: string;
  /** Directory the command was started in; `app` runs here. */
  readonly cwd: string;
}

/** The flags `hookbridge local` accepts; their environment variables are read by {@link parseLocalSettings}. */
export const LOCAL_FLAG_ENV = {
  port: 'PORT',
  host: 'HOST',
  'edge-port': 'EDGE_PORT',
  'secrets-file': 'WEBHOOK_SECRETS_FILE',
  'body-limit': 'BODY_LIMIT',
  'state-dir': 'STATE_DIR',
  'cpu-prof-dir': 'CPU_PROF_DIR',
  now: 'NOW_OVERRIDE',
} as const;

type EnvFlag = keyof typeof LOCAL_FLAG_ENV;

/** A raw value and the name the user gave it under, so messages name what to fix. */
interface Raw {
  readonly value: string;
  /** `--port` or `PORT`. */
  readonly setting: string;
}

const UNIX_SECONDS_MAX = 99_999_999_999;

/**
 * Reads the settings of `hookbridge local` from flags, falling back to the environment (flags
 * win), and validates them.
 * @throws SettingsError naming the setting, the value and the fix, for the first invalid one
 */
export function parseLocalSettings(flags: FlagValues, env: Readonly<Record<string, string | undefined>>, cwd: string): LocalSettings {
  const raw = (flag: EnvFlag): Raw | undefined => {
    const fromFlag = flags[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, setting: `--${flag}` };
    const envName = LOCAL_FLAG_ENV[flag];
    const fromEnv = env[envName];
    return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, setting: envName } : undefined;
  };
  const text = (name: string): string | undefined => {
    const value = flags[name];
    if (value === '') throw new SettingsError(`--${name}`, `--${name} must not be empty`);
    return typeof value === 'string' ? value : undefined;
  };

  const port = parsePort(raw('port'), DEFAULT_PORT, 'port');
  const host = parseHost(raw('host'));
  const edgePort = parsePort(raw('edge-port'), DEFAULT_EDGE_PORT, 'edge-port');
  if (port !== 0 && port === edgePort) {
    throw new SettingsError('--edge-port', `the webhook port and the edge port must differ (both ${port}); pass --edge-port ${DEFAULT_EDGE_PORT} or --port ${DEFAULT_PORT}`);
  }

  const secretsRaw = raw('secrets-file');
  const secretsFile = secretsRaw ? resolve(cwd, secretsRaw.value) : undefined;
  const secrets = secretsRaw && secretsFile ? readSecretsFile(secretsFile, secretsRaw.setting) : {};

  const bodyLimitRaw = raw('body-limit');
  const bodyLimit = bodyLimitRaw ? parseBodyLimit(bodyLimitRaw) : undefined;
  const stateDirRaw = raw('state-dir');
  const stateDir = stateDirRaw ? resolve(cwd, stateDirRaw.value) : undefined;
  const cpuProfDirRaw = raw('cpu-prof-dir');
  const cpuProfDir = cpuProfDirRaw ? writableDirectory(cpuProfDirRaw, cwd) : undefined;
  const nowRaw = raw('now');
  const now = nowRaw ? parseUnixSeconds(nowRaw) : undefined;

  const cdkOutFlag = text('cdk-out');
  const appFlag = text('app');
  if (cdkOutFlag !== undefined && appFlag !== undefined) {
    throw new SettingsError('--app', 'pass either --app (synthesize) or --cdk-out (reuse an assembly), not both');
  }
  const cdkOut = cdkOutFlag !== undefined ? resolve(cwd, cdkOutFlag) : undefined;
  if (cdkOut !== undefined && !existsSync(resolve(cdkOut, 'manifest.json'))) {
    throw new SettingsError('--cdk-out', `--cdk-out ${cdkOutFlag} holds no cloud assembly (no manifest.json); run \`cdk synth\` or pass the directory it wrote`);
  }
  const app = cdkOut === undefined ? (appFlag ?? readCdkJsonApp(cwd)) : undefined;
  if (cdkOut === undefined && app === undefined) {
    throw new SettingsError('--app', `no CDK app to run: ${cwd} has no cdk.json with an "app"; pass --app "npx tsx bin/app.ts" or --cdk-out cdk.out`);
  }
  const stack = text('stack');

  const outputsFile = resolve(cwd, text('outputs-file') ?? DEFAULT_OUTPUTS_FILE);
  return {
    port,
    host,
    edgePort,
    ...(secretsFile !== undefined ? { secretsFile } : {}),
    secrets,
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
    ...(stateDir !== undefined ? { stateDir } : {}),
    ...(cpuProfDir !== undefined ? { cpuProfDir } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(app !== undefined ? { app } : {}),
    ...(cdkOut !== undefined ? { cdkOut } : {}),
    synthOut: resolve(dirname(outputsFile), DEFAULT_CDK_OUT),
    ...(stack !== undefined ? { stack } : {}),
    outputsFile,
    endpointsFile: localEndpointsFileFor(outputsFile),
    cwd,
  };
}

function parsePort(raw: Raw | undefined, fallback: number, flag: string): number {
  if (!raw) return fallback;
  const value = raw.value.trim();
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new SettingsError(raw.setting, `${raw.setting} must be a port number from 0 to 65535, 0 picks a free one (given ${JSON.stringify(raw.value)}); e.g. --${flag} ${fallback}`);
  }
  return port;
}

function parseHost(raw: Raw | undefined): string {
  if (!raw) return DEFAULT_HOST;
  if (!/^[A-Za-z0-9.:\-[\]%]+$/.test(raw.value)) {
    throw new SettingsError(raw.setting, `${raw.setting} must be a host name or IP address (given ${JSON.stringify(raw.value)}); e.g. --host ${DEFAULT_HOST}`);
  }
  return raw.value;
}

function parseBodyLimit(raw: Raw): number {
  const value = raw.value.trim();
  const bytes = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(bytes > 0)) {
    throw new SettingsError(raw.setting, `${raw.setting} must be a positive whole number of bytes (given ${JSON.stringify(raw.value)}); e.g. --body-limit 1048576`);
  }
  return bytes;
}

/** Creates the directory if missing and checks it can be written: the profiles come only at shutdown. */
function writableDirectory(raw: Raw, cwd: string): string {
  const dir = resolve(cwd, raw.value);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? firstLine(error);
    // mkdir -p over an existing file fails with EEXIST, which reads as if all were well.
    const reason = code === 'EEXIST' ? 'not a directory' : code;
    throw new SettingsError(raw.setting, `${raw.setting} ${dir} cannot be written (${reason}); pass a writable directory, e.g. ${raw.setting.startsWith('--') ? `${raw.setting} ` : `${raw.setting}=`}.hookbridge/profiles`, { cause: error });
  }
  return dir;
}

function parseUnixSeconds(raw: Raw): number {
  const value = raw.value.trim();
  const seconds = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(seconds)) {
    throw new SettingsError(raw.setting, `${raw.setting} must be a Unix time in whole seconds (given ${JSON.stringify(raw.value)}); e.g. --now ${Math.floor(Date.now() / 1000)}`);
  }
  if (seconds > UNIX_SECONDS_MAX) {
    throw new SettingsError(raw.setting, `${raw.setting} must be a Unix time in seconds (given ${value}, which looks like milliseconds); pass ${Math.floor(seconds / 1000)}`);
  }
  return seconds;
}

/** `app` of `cdk.json` in `cwd`, the same command `cdk synth` runs; undefined without cdk.json. */
function readCdkJsonApp(cwd: string): string | undefined {
  const file = resolve(cwd, 'cdk.json');
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SettingsError('--app', `cannot read the app command from ${file} (${firstLine(error)}); fix cdk.json or pass --app`, { cause: error });
  }
  const app = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).app : undefined;
  return typeof app === 'string' && app.trim() !== '' ? app : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
