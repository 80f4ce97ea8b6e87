import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT, RUNTIME_READY_PREFIX, RUNTIME_READY_TIMEOUT_MS } from './constants.js';
import { RuntimeStartError } from './errors.js';

/** How to start `hookbridge local` as a child process. */
export interface RuntimeOptions {
  /** `--cdk-out`. */
  readonly cdkOut: string;
  /** `--outputs-file`; the local file is written beside it. */
  readonly outputsFile: string;
  readonly secretsFile?: string;
  readonly stateDir?: string;
  /** Every line the child prints is appended here. */
  readonly logFile: string;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

/** Where a started runtime listens (its ready line plus its outputs and local file). */
export interface RuntimeEndpoints {
  /** `http://127.0.0.1:<port>` of the webhook gateway. */
  readonly webhookBaseUrl: string;
  /** `http://127.0.0.1:<edge port>`: every AWS service. */
  readonly edgeUrl: string;
  /** The stack outputs (`cdk deploy --outputs-file` format, one stack). */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * `node local/cli/hookbridge.mjs local` as a black box: ports 0 on 127.0.0.1, ready when it prints
 * `HOOKBRIDGE_READY {...}`, stopped with SIGTERM (bounded) or killed with SIGKILL.
 */
export class RuntimeProcess {
  private exited: Promise<number | null>;
  private readonly tail: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
    public endpoints: RuntimeEndpoints | undefined = undefined,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  }

  /** Starts the runtime and waits (bounded) for its ready line. */
  public static async start(options: RuntimeOptions): Promise<RuntimeProcess> {
    const args = [
      ...(options.nodeArgs ?? []),
      join(REPO_ROOT, 'local/cli/hookbridge.mjs'),
      'local',
      ...['--port', '0', '--edge-port', '0', '--host', '127.0.0.1'],
      ...['--cdk-out', options.cdkOut, '--outputs-file', options.outputsFile],
      ...(options.secretsFile ? ['--secrets-file', options.secretsFile] : []),
      ...(options.stateDir ? ['--state-dir', options.stateDir] : []),
    ];
    const env = { ...process.env };
    for (const name of ['PORT', 'EDGE_PORT', 'HOST', 'STATE_DIR', 'WEBHOOK_SECRETS_FILE', 'NOW_OVERRIDE', 'BODY_LIMIT']) delete env[name];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n===== start ${new Date().toISOString()} node ${args.join(' ')}\n`);
    const instance = new RuntimeProcess(child, log);
    const ready = await new Promise<{ outputsFile: string; localFile: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RuntimeStartError(`no ${RUNTIME_READY_PREFIX.trim()} line within ${RUNTIME_READY_TIMEOUT_MS} ms`, instance.lastLines())), RUNTIME_READY_TIMEOUT_MS);
      const onLine = (stream: string) => (line: string) => {
        instance.remember(`${stream}| ${line}`);
        if (stream === 'out' && line.startsWith(RUNTIME_READY_PREFIX)) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice(RUNTIME_READY_PREFIX.length)) as { outputsFile: string; localFile: string });
        }
      };
      createInterface({ input: child.stdout! }).on('line', onLine('out'));
      createInterface({ input: child.stderr! }).on('line', onLine('err'));
      void instance.exited.then((code) => {
        clearTimeout(timer);
        reject(new RuntimeStartError(`hookbridge local exited (${code}) before it was ready`, instance.lastLines()));
      });
    }).catch(async (error: unknown) => {
      await instance.kill();
      throw error;
    });
    const all = JSON.parse(readFileSync(ready.outputsFile, 'utf8')) as Record<string, Record<string, string>>;
    const local = JSON.parse(readFileSync(ready.localFile, 'utf8')) as { edgeUrl?: string; webhookBaseUrl?: string };
    if (!local.edgeUrl || !local.webhookBaseUrl) throw new RuntimeStartError(`${ready.localFile} lacks edgeUrl or webhookBaseUrl`, JSON.stringify(local));
    instance.endpoints = { webhookBaseUrl: local.webhookBaseUrl, edgeUrl: local.edgeUrl, outputs: Object.values(all)[0] ?? {} };
    return instance;
  }

  /** The child's pid (for `ps` CPU figures). */
  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines the child printed. */
  public lastLines(): string {
    return this.tail.join('\n');
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves to the exit code. */
  public async stop(timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
    return this.exited;
  }

  /** SIGKILL: nothing that was not durable survives. */
  public async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private remember(line: string): void {
    if (this.log.writable) this.log.write(`${line}\n`);
    this.tail.push(line);
    if (this.tail.length > 40) this.tail.shift();
  }
}
