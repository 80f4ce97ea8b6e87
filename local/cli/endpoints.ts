import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCAL_ENDPOINTS_FILE_NAME } from './constants.js';
import { OutputsError } from './errors.js';

/**
 * Where a running `hookbridge local` answers, written beside the outputs file as
 * `.hookbridge/local.json`. A deployed stack has none: the CLI then uses AWS's default endpoints.
 */
export interface LocalEndpoints {
  /** The AWS edge every emulated service answers on, e.g. `http://127.0.0.1:4566`. */
  readonly edgeUrl: string;
  /** Base URL of the webhook server, e.g. `http://127.0.0.1:3000/`. */
  readonly webhookBaseUrl: string;
  /** The inspection API, e.g. `http://127.0.0.1:3000/_local/state`. */
  readonly inspectionUrl: string;
  /** Region the local ARNs and URLs use. @default 'us-east-1' */
  readonly region?: string;
  /** Absolute path of the cloud assembly the runtime runs (the CLI reads schemes from it). @default - none */
  readonly cdkOut?: string;
  /** Name of the stack the runtime runs. @default - none */
  readonly stackName?: string;
}

/** The local endpoints file that belongs to `outputsFile`: `local.json` in the same directory. */
export function localEndpointsFileFor(outputsFile: string): string {
  return join(dirname(outputsFile), LOCAL_ENDPOINTS_FILE_NAME);
}

/**
 * Reads the local endpoints beside `outputsFile`; `undefined` when there is none (a deployed stack).
 * @throws OutputsError when the file exists but is unreadable or malformed
 */
export function readLocalEndpoints(outputsFile: string): LocalEndpoints | undefined {
  const file = localEndpointsFileFor(outputsFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OutputsError(`cannot read ${file} (${(error as Error).message}); delete it or restart \`hookbridge local\``, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OutputsError(`${file} is not valid JSON; delete it or restart \`hookbridge local\``, { cause: error });
  }
  const record = { ...(typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}) };
  // Early runtime builds named the inspection URL `stateUrl`.
  record.inspectionUrl ??= record.stateUrl;
  for (const key of ['edgeUrl', 'webhookBaseUrl', 'inspectionUrl'] as const) {
    if (typeof record[key] !== 'string' || !URL.canParse(record[key] as string)) {
      throw new OutputsError(`${file} has no valid ${key}; delete it or restart \`hookbridge local\``);
    }
  }
  for (const key of ['region', 'cdkOut', 'stackName'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string') {
      throw new OutputsError(`${file} has a non-string ${key}; delete it or restart \`hookbridge local\``);
    }
  }
  return {
    edgeUrl: record.edgeUrl as string,
    webhookBaseUrl: record.webhookBaseUrl as string,
    inspectionUrl: record.inspectionUrl as string,
    ...(record.region !== undefined ? { region: record.region as string } : {}),
    ...(record.cdkOut !== undefined ? { cdkOut: record.cdkOut as string } : {}),
    ...(record.stackName !== undefined ? { stackName: record.stackName as string } : {}),
  };
}

/**
 * Writes the local endpoints beside `outputsFile` (atomically: a reader never sees half a file).
 * For `local/runtime`, which calls it once its servers listen.
 */
export function writeLocalEndpoints(outputsFile: string, endpoints: LocalEndpoints): string {
  const file = localEndpointsFileFor(outputsFile);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(endpoints, null, 2)}\n`);
  renameSync(temporary, file);
  return file;
}
