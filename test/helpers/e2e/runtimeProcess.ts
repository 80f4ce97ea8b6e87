import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './paths.js';

/** The JSON of the runtime's ready line (`HOOKBRIDGE_READY {...}`). */
export interface ReadyInfo {
  readonly port: number;
  readonly edgePort: number;
  readonly outputsFile: string;
  readonly localFile: string;
}

/** How to start `hookbridge local` as a child process. */
export interface RuntimeProcessOptions {
  /** Cloud assembly to run (`--cdk-out`). */
  readonly cdkOut: string;
  /** Where the outputs file goes (`--outputs-file`); the local file is written beside it. */
  readonly outputsFile: string;
  /** `--secrets-file`. */
  readonly secretsFile?: string;
  /** `--state-dir`: journal state so it survives a SIGKILL. */
  readonly stateDir?: string;
  /** `--now`: unix seconds the functions' clocks start at (NOW_OVERRIDE). */
  readonly now?: number;
  /** File every line of the child's stdout and stderr is appended to. */
  readonly logFile: string;
  /** How long to wait for the ready line, ms. @default 90000 */
  readonly readyTimeoutMs?: number;
}

const READY_PREFIX = 'HOOKBRIDGE_READY ';
const TAIL_LINES = 60;

/**
 * `hookbridge local` (the package's CLI, `local/cli/hookbridge.mjs`) as a black box: started with
 * ports 0 on 127.0.0.1, considered ready when it prints its ready line, stopped with SIGTERM (or
 * killed with SIGKILL to test durability).
 */
export class RuntimeProcess {
  private readonly tail: string[] = [];
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
    public ready: ReadyInfo | undefined = undefined,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  }

  /** Starts the runtime and waits (bounded) for its ready line. */
  public static async start(options: RuntimeProcessOptions): Promise<RuntimeProcess> {
    const args = [
      join(REPO_ROOT, 'local/cli/hookbridge.mjs'),
      'local',
      '--port', '0',
      '--edge-port', '0',
      '--host', '127.0.0.1',
      '--cdk-out', options.cdkOut,
      '--outputs-file', options.outputsFile,
      ...(options.secretsFile ? ['--secrets-file', options.secretsFile] : []),
      ...(options.stateDir ? ['--state-dir', options.stateDir] : []),
      ...(options.now !== undefined ? ['--now', String(options.now)] : []),
    ];
    const env = { ...process.env };
    for (const name of ['PORT', 'EDGE_PORT', 'HOST', 'STATE_DIR', 'WEBHOOK_SECRETS_FILE', 'NOW_OVERRIDE', 'BODY_LIMIT']) delete env[name];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n===== start ${new Date().toISOString()} node ${args.join(' ')}\n`);
    const instance = new RuntimeProcess(child, log);

    const timeoutMs = options.readyTimeoutMs ?? 90_000;
    instance.ready = await new Promise<ReadyInfo>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`hookbridge local printed no ${READY_PREFIX.trim()} line within ${timeoutMs} ms; last lines:\n${instance.lastLines()}`));
      }, timeoutMs);
      const onLine = (stream: string) => (line: string) => {
        instance.remember(`${stream}| ${line}`);
        if (stream === 'out' && line.startsWith(READY_PREFIX)) {
          clearTimeout(timer);
          try {
            resolve(JSON.parse(line.slice(READY_PREFIX.length)) as ReadyInfo);
          } catch (error) {
            reject(new Error(`unparseable ready line ${line}: ${(error as Error).message}`));
          }
        }
      };
      createInterface({ input: child.stdout! }).on('line', onLine('out'));
      createInterface({ input: child.stderr! }).on('line', onLine('err'));
      void instance.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`hookbridge local exited (${code}) before it was ready; last lines:\n${instance.lastLines()}`));
      });
    }).catch(async (error: unknown) => {
      await instance.kill();
      throw error;
    });
    return instance;
  }

  /** The last lines the child printed, for failure messages. */
  public lastLines(): string {
    return this.tail.join('\n');
  }

  /** SIGTERM and wait (bounded) for a clean exit; SIGKILL after `timeoutMs`. Returns the exit code. */
  public async stop(timeoutMs = 15_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.finish();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return this.finish(code);
  }

  /** SIGKILL: no chance to flush anything that was not already durable. */
  public async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
    await this.finish();
  }

  private async finish(code?: number | null): Promise<number | null> {
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
    return code ?? (await this.exited);
  }

  private remember(line: string): void {
    if (this.log.writable) this.log.write(`${line}\n`);
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }
}
