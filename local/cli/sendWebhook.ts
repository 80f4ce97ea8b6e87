import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
// The one import from lambdas/ the architecture allows: `send` signs with the verifier's own
// adapters, so what it sends is exactly what the verifier accepts (ARCHITECTURE invariant 1).
import { createScheme, isSchemeName, SCHEME_NAMES } from '../../lambdas/verifier/schemes/index.js';
import type { Scheme } from '../../lambdas/verifier/types.js';
import { DEFAULT_CDK_OUT, DEFAULT_OUTPUTS_FILE, HTTP_TIMEOUT_MS } from './constants.js';
import { describeNetworkError } from './describeNetworkError.js';
import { readLocalEndpoints } from './endpoints.js';
import { CliError, OutputsError, RemoteError, UsageError } from './errors.js';
import { readOutputsFile, type StackOutputs } from './outputs.js';
import { readSourceScheme, type SourceScheme } from './readSourceScheme.js';
import { resolveSecret } from './resolveSecret.js';
import { DEFAULT_TYPES, samplePayload, type SamplePayload } from './samplePayloads.js';
import { resolveTarget } from './target.js';
import type { CommandContext, FlagValues } from './types.js';

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Signs a test delivery for `source` and posts it; prints the request line, the status and the
 * body. Resolves to 0 for a 2xx answer, 1 otherwise.
 *
 * Where things come from: the URL from `--url` or the outputs (`WebhookUrl<Source>`); the scheme
 * from `--scheme` or the verifier's environment in the cloud assembly (the outputs do not carry
 * it); the secret from `--secret`, the secrets file, or Secrets Manager (`SecretArn<Source>`).
 */
export async function sendWebhook(source: string, flags: FlagValues, context: CommandContext): Promise<number> {
  const str = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const outputsFile = resolve(context.cwd, str('outputs-file') ?? DEFAULT_OUTPUTS_FILE);
  const endpoints = readLocalEndpoints(outputsFile);
  const stackFlag = str('stack');

  let outputs: StackOutputs | undefined;
  const requireOutputs = (): StackOutputs => (outputs ??= readOutputsFile(outputsFile, stackFlag));
  // Optional reads (stack name, secret ARN) must not fail a send that names its URL explicitly.
  const optionalOutputs = (): StackOutputs | undefined => {
    try {
      return requireOutputs();
    } catch (error) {
      if (error instanceof OutputsError && str('url') !== undefined) return undefined;
      throw error;
    }
  };

  const url = str('url') ?? requireOutputs().webhookUrl(source);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`--url must be an http(s) URL (given ${JSON.stringify(url)})`);
  }
  const timestamp = parseTimestamp(str('timestamp'));
  const target = resolveTarget(endpoints, [url]);

  const sourceScheme = resolveSourceScheme(source, str('scheme'), () => {
    const cdkOut = str('cdk-out') ?? (target.kind === 'local' ? endpoints?.cdkOut : undefined) ?? defaultCdkOut(context.cwd, outputsFile);
    return readSourceScheme(resolve(context.cwd, cdkOut), source, stackFlag ?? optionalOutputs()?.stackName ?? endpoints?.stackName);
  });
  const scheme = buildScheme(sourceScheme);

  const secretsFile = str('secrets-file') ?? context.env.WEBHOOK_SECRETS_FILE;
  const secretId = optionalOutputs()?.secretArn(source) ?? sourceScheme.secretId;
  const secret = await resolveSecret(source, {
    ...(str('secret') !== undefined ? { flag: str('secret') } : {}),
    ...(secretsFile ? { file: { path: resolve(context.cwd, secretsFile), setting: str('secrets-file') !== undefined ? '--secrets-file' : 'WEBHOOK_SECRETS_FILE' } } : {}),
    ...(secretId !== undefined ? { secretId } : {}),
    target,
    env: context.env,
  });

  const payload = str('file') !== undefined
    ? payloadFromFile(resolve(context.cwd, str('file')!), sourceScheme.scheme, str('type'), str('content-type'))
    : samplePayload(sourceScheme.scheme, { now: timestamp, ...(str('type') !== undefined ? { type: str('type') } : {}) });

  // A verifier behind a custom domain checks the URL the vendor called (HOOKBRIDGE_PUBLIC_URL), not
  // the one we post to; locally the signed URL is the one the request arrives at (docs: Interface).
  const signUrl = target.kind === 'aws' && sourceScheme.publicUrl !== undefined ? sourceScheme.publicUrl : url;
  let signed;
  try {
    signed = scheme.sign({ body: payload.body, contentType: payload.contentType, url: signUrl, timestamp, id: payload.id || randomUUID(), type: payload.type, secret: secret.value });
  } catch (error) {
    throw new CliError(`cannot sign with the secret from ${secret.origin} (${(error as Error).message}); check the secret's format for the ${sourceScheme.scheme} scheme`, 1, { cause: error });
  }
  const postUrl = signUrl === url ? signed.url : url + new URL(signed.url).search;

  context.io.out(`POST ${postUrl}  (${sourceScheme.scheme} ${payload.type}, secret from ${secret.origin})`);
  let response: Response;
  try {
    response = await fetch(postUrl, {
      method: 'POST',
      headers: signed.headers,
      body: payload.body,
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = describeNetworkError(error) ?? (error as Error).message;
    const fix = target.kind === 'local' ? 'is `hookbridge local` running?' : 'check the URL and your network';
    throw new RemoteError(`cannot post to ${postUrl} (${reason}); ${fix}`, { cause: error });
  }
  const text = await response.text();
  context.io.out(`${response.status} ${response.statusText}`.trimEnd());
  if (text !== '') context.io.out(text);
  return response.ok ? 0 : 1;
}

/**
 * `cdk.out` beside the outputs file (where `hookbridge local` synthesizes), when it holds an
 * assembly; else `./cdk.out` (where `cdk synth` and `cdk deploy` write).
 */
function defaultCdkOut(cwd: string, outputsFile: string): string {
  const beside = join(dirname(outputsFile), DEFAULT_CDK_OUT);
  return existsSync(join(beside, 'manifest.json')) ? beside : resolve(cwd, DEFAULT_CDK_OUT);
}

function resolveSourceScheme(source: string, flag: string | undefined, fromAssembly: () => SourceScheme): SourceScheme {
  if (flag === undefined) return fromAssembly();
  if (!isSchemeName(flag)) {
    throw new UsageError(`--scheme must be one of ${SCHEME_NAMES.join(', ')} (given ${JSON.stringify(flag)})`);
  }
  // The generic scheme's options live only in the assembly; use them when it is there.
  if (flag === 'generic') {
    try {
      const found = fromAssembly();
      if (found.scheme === 'generic') return found;
    } catch {
      // no assembly: the generic defaults
    }
  }
  return { scheme: flag, options: {}, stackName: '' };
}

function buildScheme(source: SourceScheme): Scheme {
  try {
    return createScheme(source.scheme, source.options);
  } catch (error) {
    throw new CliError(`the verifier's scheme configuration is not usable (${(error as Error).message}); re-run \`cdk synth\` or pass --scheme`, 1, { cause: error });
  }
}

function parseTimestamp(text: string | undefined): number {
  if (text === undefined) return Math.floor(Date.now() / 1000);
  if (!/^\d{1,11}$/.test(text)) {
    throw new UsageError(`--timestamp must be a Unix time in whole seconds (given ${JSON.stringify(text)}); e.g. --timestamp ${Math.floor(Date.now() / 1000)}`);
  }
  return Number(text);
}

function payloadFromFile(file: string, scheme: string, type: string | undefined, contentTypeFlag: string | undefined): SamplePayload {
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read --file ${file} (${code === 'ENOENT' ? 'no such file' : (error as Error).message}); fix the path`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = undefined;
  }
  const contentType = contentTypeFlag ?? (json !== undefined ? 'application/json' : scheme === 'twilio' || scheme === 'slack' ? FORM_TYPE : 'application/octet-stream');
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const bodyType = typeof record.type === 'string' ? record.type : undefined;
  const bodyId = typeof record.id === 'string' ? record.id : typeof record.event_id === 'string' ? record.event_id : undefined;
  return {
    body,
    contentType,
    type: type ?? bodyType ?? DEFAULT_TYPES[scheme] ?? 'webhook',
    id: bodyId ?? randomUUID(),
  };
}
