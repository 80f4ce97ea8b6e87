import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readLocalEndpoints } from '../../local/cli/endpoints.js';
import { READY_LINE_PREFIX } from '../../local/runtime/constants.js';
import type { ReadyInfo } from '../../local/runtime/types.js';
import { REPO_ROOT, RUNTIME_ENV_OVERRIDES, RUNTIME_READY_TIMEOUT_MS, RUNTIME_STOP_TIMEOUT_MS, RUNTIME_TAIL_LINES } from './constants.js';
import { RuntimeStartError } from './errors.js';

export type { ReadyInfo };

/** How to start `hookbridge local` as a child process. */
export interface RuntimeOptions {
  /** Cloud assembly to run (`--cdk-out`). */
  readonly cdkOut: string;
  /** Where the outputs file goes (`--outputs-file`); the runtime writes `local.json` beside it. */
  readonly outputsFile: string;
  /**
   * `--secrets-file`.
   * @default - none: the runtime generates the secrets
   */
  readonly secretsFile?: string;
  /**
   * `--state-dir`: journal state so it survives a SIGKILL.
   * @default - in memory
   */
  readonly stateDir?: string;
  /**
   * `--now`: unix seconds the functions' clocks start at (NOW_OVERRIDE).
   * @default - the real clock
   */
  readonly now?: number;
  /**
   * `--cpu-prof-dir`: each function execution environment writes a CPU profile here when the
   * runtime stops.
   * @default - not profiled
   */
  readonly cpuProfDir?: string;
  /** File every line of the child's stdout and stderr is appended to. */
  readonly logFile: string;
  /**
   * Extra `node` flags, e.g. `--cpu-prof`.
   * @default - none
   */
  readonly nodeArgs?: readonly string[];
  /**
   * How long to wait for the ready line, ms.
   * @default 120000
   */
  readonly readyTimeoutMs?: number;
}

/** Where a started runtime listens: its webhook and edge URLs (from `local.json`) and its stack outputs. */
export interface RuntimeEndpoints {
  /** `http://127.0.0.1:<port>/` of the webhook gateway. */
  readonly webhookBaseUrl: string;
  /** `http://127.0.0.1:<edge port>`: every AWS service. */
  readonly edgeUrl: string;
  /** The outputs of the (first) stack in the outputs file (`cdk deploy --outputs-file` format). */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * `hookbridge local` (the package's CLI, `local/cli/hookbridge.mjs`) as a black box, for the e2e
 * suite and the benches: started with ports 0 on 127.0.0.1, ready when it prints its ready line,
 * stopped with SIGTERM (bounded) or killed with SIGKILL to test durability.
 */
export class RuntimeProcess {
  private readonly tail: string[] = [];
  private readonly exited: Promise<number | null>;
  private readyInfo: ReadyInfo | undefined;
  private readyEndpoints: RuntimeEndpoints | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  }

  /**
   * Starts the runtime and waits (bounded) for its ready line; kills it when it does not get ready.
   * @throws RuntimeStartError naming why, with the last lines it printed
   */
  public static async start(options: RuntimeOptions): Promise<RuntimeProcess> {
    const args = [
      ...(options.nodeArgs ?? []),
      join(REPO_ROOT, 'local/cli/hookbridge.mjs'),
      'local',
      ...['--port', '0', '--edge-port', '0', '--host', '127.0.0.1'],
      ...['--cdk-out', options.cdkOut, '--outputs-file', options.outputsFile],
      ...(options.secretsFile ? ['--secrets-file', options.secretsFile] : []),
      ...(options.stateDir ? ['--state-dir', options.stateDir] : []),
      ...(options.cpuProfDir ? ['--cpu-prof-dir', options.cpuProfDir] : []),
      ...(options.now !== undefined ? ['--now', String(options.now)] : []),
    ];
    const env = { ...process.env };
    for (const name of RUNTIME_ENV_OVERRIDES) delete env[name];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n===== start ${new Date().toISOString()} node ${args.join(' ')}\n`);
    const instance = new RuntimeProcess(child, log);
    try {
      instance.readyInfo = await instance.waitForReadyLine(options.readyTimeoutMs ?? RUNTIME_READY_TIMEOUT_MS);
      instance.readyEndpoints = instance.readEndpoints(instance.readyInfo);
    } catch (error) {
      await instance.kill();
      throw error;
    }
    return instance;
  }

  /** What the ready line said: ports, outputs file and local file. */
  public get ready(): ReadyInfo {
    if (this.readyInfo === undefined) throw new Error('the runtime is not ready yet: await RuntimeProcess.start');
    return this.readyInfo;
  }

  /** The webhook and edge URLs and the stack outputs. */
  public get endpoints(): RuntimeEndpoints {
    if (this.readyEndpoints === undefined) throw new Error('the runtime is not ready yet: await RuntimeProcess.start');
    return this.readyEndpoints;
  }

  /** The child's pid (for `/proc` CPU figures). */
  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines the child printed, for failure messages. */
  public lastLines(): string {
    return this.tail.join('\n');
  }

  /** SIGTERM and wait for the exit, SIGKILL after `timeoutMs`; resolves to the exit code. */
  public async stop(timeoutMs = RUNTIME_STOP_TIMEOUT_MS): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    await this.closeLog();
    return this.exited;
  }

  /** SIGKILL: nothing that was not durable already survives. */
  public async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
    await this.closeLog();
  }

  private waitForReadyLine(timeoutMs: number): Promise<ReadyInfo> {
    const prefix = `${READY_LINE_PREFIX} `;
    return new Promise<ReadyInfo>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RuntimeStartError(`no ${READY_LINE_PREFIX} line within ${timeoutMs} ms`, this.lastLines())), timeoutMs);
      const onLine = (stream: 'out' | 'err') => (line: string) => {
        this.remember(`${stream}| ${line}`);
        if (stream !== 'out' || !line.startsWith(prefix)) return;
        clearTimeout(timer);
        try {
          resolve(JSON.parse(line.slice(prefix.length)) as ReadyInfo);
        } catch (error) {
          reject(new RuntimeStartError(`unparseable ready line (${(error as Error).message})`, this.lastLines()));
        }
      };
      createInterface({ input: this.child.stdout! }).on('line', onLine('out'));
      createInterface({ input: this.child.stderr! }).on('line', onLine('err'));
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new RuntimeStartError(`it exited (${code}) before it was ready`, this.lastLines()));
      });
    });
  }

  private readEndpoints(ready: ReadyInfo): RuntimeEndpoints {
    const local = readLocalEndpoints(ready.outputsFile);
    if (local === undefined) throw new RuntimeStartError(`it printed its ready line but wrote no ${ready.localFile}`, this.lastLines());
    const stacks = JSON.parse(readFileSync(ready.outputsFile, 'utf8')) as Record<string, Record<string, string>>;
    return { webhookBaseUrl: local.webhookBaseUrl, edgeUrl: local.edgeUrl, outputs: Object.values(stacks)[0] ?? {} };
  }

  private closeLog(): Promise<void> {
    return new Promise<void>((resolve) => this.log.end(() => resolve()));
  }

  private remember(line: string): void {
    if (this.log.writable) this.log.write(`${line}\n`);
    this.tail.push(line);
    if (this.tail.length > RUNTIME_TAIL_LINES) this.tail.shift();
  }
}
