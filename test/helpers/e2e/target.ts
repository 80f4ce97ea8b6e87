import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { RuntimeProcess } from '../../../bench/shared/runtimeProcess.js';
import { pascal } from '../../../lib/index.js';
import { FIXTURE_STACK_NAME, FixtureSources } from '../../e2e/fixture-app/constants.js';
import { DownstreamServer } from './downstreamServer.js';
import { fixtureAssembly } from './fixtureAssembly.js';
import { Sender } from './sender.js';
import { signWebhook, type FixtureScheme, type SignedWebhook } from './signWebhook.js';

/** Where the e2e suite runs (`E2E_TARGET`). */
export type TargetKind = 'local' | 'localstack' | 'aws';

/** What a scenario may need beyond webhooks and SDK calls. */
export type Capability =
  /** The test's downstream server is reachable from the consumers. */
  | 'downstream'
  /** The runtime's fault-injection endpoint (local only). */
  | 'faults'
  /** The runtime can be SIGKILLed and restarted on the same STATE_DIR (local only). */
  | 'restart'
  /** The functions' clocks can be shifted with NOW_OVERRIDE (local only). */
  | 'clock';

/** The target chosen by the environment, and why it cannot run (if it cannot). */
export interface TargetPlan {
  readonly kind: TargetKind;
  readonly skipReason?: string;
  readonly capabilities: readonly Capability[];
}

const LOCALSTACK_HEALTH = 'http://localhost:4566/_localstack/health';

/**
 * Decides the target from `E2E_TARGET` (default `local`). LocalStack and AWS need
 * `E2E_OUTPUTS_FILE` (from `npm run deploy:localstack` or `cdk deploy --outputs-file` of the
 * fixture app); LocalStack must answer its health check and AWS needs credentials — otherwise the
 * plan carries the reason to skip, which {@link describeOnTarget} prints.
 */
export async function planTarget(env: NodeJS.ProcessEnv = process.env): Promise<TargetPlan> {
  const kind = (env.E2E_TARGET ?? 'local') as TargetKind;
  if (kind === 'local') return { kind, capabilities: ['downstream', 'faults', 'restart', 'clock'] };
  const downstream: Capability[] = env.E2E_DOWNSTREAM_PORT ? ['downstream'] : [];
  const outputs = env.E2E_OUTPUTS_FILE;
  if (kind === 'localstack') {
    if (!outputs || !existsSync(outputs)) {
      return { kind, capabilities: downstream, skipReason: 'E2E_OUTPUTS_FILE is not set or missing: run `npm run deploy:localstack` and point E2E_OUTPUTS_FILE at its outputs file' };
    }
    const healthy = await fetch(env.E2E_LOCALSTACK_HEALTH_URL ?? LOCALSTACK_HEALTH, { signal: AbortSignal.timeout(3_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (!healthy) return { kind, capabilities: downstream, skipReason: `LocalStack is unreachable (${env.E2E_LOCALSTACK_HEALTH_URL ?? LOCALSTACK_HEALTH} did not answer 2xx)` };
    return { kind, capabilities: downstream };
  }
  if (kind === 'aws') {
    if (!outputs || !existsSync(outputs)) {
      return { kind, capabilities: downstream, skipReason: 'E2E_OUTPUTS_FILE is not set or missing: deploy the fixture app with `cdk deploy --outputs-file` and point E2E_OUTPUTS_FILE at it' };
    }
    const credentials = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'].some((name) => env[name]);
    if (!credentials) return { kind, capabilities: downstream, skipReason: 'no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_PROFILE, ...)' };
    return { kind, capabilities: downstream };
  }
  return { kind, capabilities: [], skipReason: `E2E_TARGET must be local, localstack or aws (given ${JSON.stringify(kind)})` };
}

/**
 * `describe` on the planned target, or an explicit `describe.skip` whose reason is printed: the
 * target is unreachable, or the scenario needs a capability it lacks (faults and restarts are local
 * only; the downstream server must be reachable from the consumers).
 */
export function describeOnTarget(plan: TargetPlan, name: string, needs: readonly Capability[], body: () => void): void {
  const missing = needs.filter((need) => !plan.capabilities.includes(need));
  const reason = plan.skipReason ?? (missing.length > 0 ? `target ${plan.kind} lacks ${missing.join(', ')}` : undefined);
  if (reason !== undefined) {
    console.log(`[e2e] SKIPPED "${name}" on ${plan.kind}: ${reason}`);
    describe.skip(name, body);
    return;
  }
  describe(`${name} [${plan.kind}]`, body);
}

/** Options of {@link E2eTarget.start}. */
export interface StartOptions {
  /** Local: journal the runtime's state in a temp STATE_DIR (for the SIGKILL scenario). */
  readonly stateDir?: boolean;
  /** Local: start the functions' clocks at these unix seconds (`--now`, NOW_OVERRIDE). */
  readonly now?: number;
}

/**
 * One stack under test, reached only through its outputs (plus, locally, the `local.json` edge
 * URL): webhook URLs, secrets, tables and queues come from there, and SDK clients point at the
 * edge (locally) or at AWS. Locally it also owns the runtime child process and the temp dir.
 */
export class E2eTarget {
  public outputs: Readonly<Record<string, string>> = {};
  public edgeUrl: string | undefined;
  public webhookBaseUrl: string | undefined;
  public dynamodb!: DynamoDBClient;
  public sqs!: SQSClient;
  public events!: EventBridgeClient;
  public s3!: S3Client;
  public secrets!: SecretsManagerClient;
  public readonly sender = new Sender();
  private runtime: RuntimeProcess | undefined;
  private readonly secretCache = new Map<string, string>();

  private constructor(
    public readonly plan: TargetPlan,
    public readonly downstream: DownstreamServer,
    private readonly dir: string,
    private readonly options: StartOptions,
    private readonly cdkOut: string | undefined,
  ) {}

  /** Starts (local) or connects to (localstack, aws) the stack of the fixture app. */
  public static async start(plan: TargetPlan, options: StartOptions = {}): Promise<E2eTarget> {
    const env = process.env;
    const dir = mkdtempSync(join(tmpdir(), 'hookbridge-e2e-'));
    const assembly = plan.kind === 'local' ? await fixtureAssembly() : undefined;
    const downstream = assembly?.downstream ?? (await DownstreamServer.start('127.0.0.1', Number(env.E2E_DOWNSTREAM_PORT ?? 0)));
    const target = new E2eTarget(plan, downstream, dir, options, assembly?.cdkOut);
    try {
      if (plan.kind === 'local') {
        writeFileSync(join(dir, 'secrets.json'), JSON.stringify(localSecrets()));
        await target.startRuntime();
      } else {
        target.readOutputs(env.E2E_OUTPUTS_FILE!);
        target.edgeUrl = plan.kind === 'localstack' ? (env.E2E_EDGE_URL ?? 'http://localhost:4566') : undefined;
        target.makeClients();
      }
    } catch (error) {
      await target.close();
      throw error;
    }
    return target;
  }

  /** The value of an output; fails naming the key when the stack lacks it. */
  public output(key: string): string {
    const value = this.outputs[key];
    if (value === undefined) throw new Error(`the stack outputs have no ${key} (keys: ${Object.keys(this.outputs).join(', ')})`);
    return value;
  }

  /** Webhook URL of a source, from `WebhookUrl<Source>`. */
  public webhookUrl(source: string): string {
    return this.output(`WebhookUrl${pascal(source)}`);
  }

  /** The signing secret of a source, read with GetSecretValue from `SecretArn<Source>` (first entry of a rotation array). */
  public async secret(source: string): Promise<string> {
    const cached = this.secretCache.get(source);
    if (cached !== undefined) return cached;
    const { SecretString } = await this.secrets.send(new GetSecretValueCommand({ SecretId: this.output(`SecretArn${pascal(source)}`) }));
    if (SecretString === undefined) throw new Error(`secret of ${source} has no SecretString`);
    const value = SecretString.trimStart().startsWith('[') ? (JSON.parse(SecretString) as string[])[0]! : SecretString;
    this.secretCache.set(source, value);
    return value;
  }

  /** A webhook of `source` signed with its scheme and secret. */
  public async sign(source: string, scheme: FixtureScheme, spec: { id?: string; type?: string; payload?: Record<string, unknown>; timestamp?: number } = {}): Promise<SignedWebhook> {
    return signWebhook({ scheme, url: this.webhookUrl(source), eventSource: `webhooks.${source}`, secret: await this.secret(source), ...spec });
  }

  /** Every row of the audit table (SDK Scan, all pages, consistent read). */
  public async auditRows(): Promise<Record<string, AttributeValue>[]> {
    return this.scan(this.output('AuditTableName'));
  }

  /** The audit rows of one event (`pk` = `webhooks.<source>#<id>`). */
  public async auditRowsOf(pk: string): Promise<number> {
    return (await this.auditRows()).filter((row) => row.pk?.S === pk).length;
  }

  /** Every item of a table. */
  public async scan(table: string): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.dynamodb.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** `POST /_local/faults` on the runtime's webhook port (local only). */
  public async fault(request: Record<string, unknown>): Promise<void> {
    if (!this.webhookBaseUrl) throw new Error('fault injection needs the local runtime');
    const response = await fetch(new URL('/_local/faults', this.webhookBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`POST /_local/faults ${JSON.stringify(request)} answered ${response.status}: ${await response.text()}`);
  }

  /** SIGKILL the runtime (local only): nothing gets flushed that was not durable already. */
  public async killRuntime(): Promise<void> {
    await this.runtime?.kill();
    this.runtime = undefined;
  }

  /** SIGTERM the runtime (local only) and return its exit code (SIGKILL after 20 s). */
  public async stopRuntime(): Promise<number | null | undefined> {
    const code = await this.runtime?.stop();
    this.runtime = undefined;
    return code;
  }

  /** Starts the runtime again on the same temp dir (and STATE_DIR); ports and outputs are read anew. */
  public async startRuntime(): Promise<void> {
    const runtime = await RuntimeProcess.start({
      cdkOut: this.cdkOut!,
      outputsFile: join(this.dir, 'hookbridge', 'outputs.json'),
      secretsFile: join(this.dir, 'secrets.json'),
      logFile: this.logFile,
      ...(this.options.stateDir ? { stateDir: join(this.dir, 'state') } : {}),
      ...(this.options.now !== undefined ? { now: this.options.now } : {}),
    });
    this.runtime = runtime;
    this.readOutputs(runtime.ready.outputsFile);
    this.edgeUrl = runtime.endpoints.edgeUrl;
    this.webhookBaseUrl = runtime.endpoints.webhookBaseUrl;
    this.secretCache.clear();
    this.makeClients();
  }

  /** The runtime's log (stdout and stderr of every start), for failure messages. */
  public get logFile(): string {
    return join(this.dir, 'runtime.log');
  }

  /** The last lines the runtime printed. */
  public runtimeTail(): string {
    return this.runtime?.lastLines() ?? '';
  }

  /** Stops the runtime (SIGTERM, bounded) and the downstream server; removes the temp dir unless E2E_KEEP_TMP is set. */
  public async close(): Promise<number | null | undefined> {
    const code = await this.runtime?.stop();
    this.runtime = undefined;
    for (const client of [this.dynamodb, this.sqs, this.events, this.s3, this.secrets]) client?.destroy();
    await this.downstream.close();
    if (process.env.E2E_KEEP_TMP) console.log(`[e2e] kept ${this.dir} (runtime log: ${this.logFile})`);
    else rmSync(this.dir, { recursive: true, force: true });
    return code;
  }

  private readOutputs(file: string): void {
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
    const stacks = Object.keys(all);
    const name = stacks.includes(FIXTURE_STACK_NAME) ? FIXTURE_STACK_NAME : stacks.length === 1 ? stacks[0]! : undefined;
    if (name === undefined) throw new Error(`${file} holds no ${FIXTURE_STACK_NAME} stack (it holds ${stacks.join(', ') || 'nothing'})`);
    this.outputs = all[name]!;
  }

  private makeClients(): void {
    for (const client of [this.dynamodb, this.sqs, this.events, this.s3, this.secrets]) client?.destroy();
    const region = this.plan.kind === 'aws' ? process.env.AWS_REGION : 'us-east-1';
    const config = {
      ...(region ? { region } : {}),
      ...(this.edgeUrl
        ? {
            endpoint: this.edgeUrl,
            // An access key the local edge does not know is an administrator; LocalStack takes any.
            credentials: { accessKeyId: this.plan.kind === 'local' ? 'E2ETESTADMIN' : 'test', secretAccessKey: 'test' },
          }
        : {}),
      maxAttempts: 2,
    };
    this.dynamodb = new DynamoDBClient(config);
    this.sqs = new SQSClient(config);
    this.events = new EventBridgeClient(config);
    this.s3 = new S3Client({ ...config, forcePathStyle: this.edgeUrl !== undefined });
    this.secrets = new SecretsManagerClient(config);
  }
}

/** Fresh signing secrets for every fixture source (the secrets file of the local runtime). */
function localSecrets(): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const source of Object.values(FixtureSources)) {
    secrets[source] = source === FixtureSources.standard ? `whsec_${randomBytes(24).toString('base64')}` : randomBytes(24).toString('hex');
  }
  return secrets;
}
