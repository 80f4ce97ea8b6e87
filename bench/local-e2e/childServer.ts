import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../soak/constants.js';

/** A server running in its own `node` process (like the runtime), listening on 127.0.0.1. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Bare `node:http`: answers every request 202 with a small JSON body, like the verifier does. */
const BARE_HTTP = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: String(Buffer.concat(chunks).length) }));
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

/** dynalite alone (in memory), as the runtime embeds it. */
const DYNALITE = `
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

/** Starts the bare `node:http` baseline server. */
export const startBareHttp = (): Promise<ChildServer> => startChild(BARE_HTTP);
/** Starts dynalite in its own process. */
export const startDynaliteChild = (): Promise<ChildServer> => startChild(DYNALITE);

async function startChild(script: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('baseline server printed no port within 20 s')), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('PORT ')) {
        clearTimeout(timer);
        resolve(Number(line.slice(5)));
      }
    });
    void exited.then(() => reject(new Error('baseline server exited before listening')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
