import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalSettings } from '../../../local/cli/settings.js';
import type { StartLocalRuntime } from '../../../local/cli/types.js';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';
import { runMain } from '../../helpers/cli/runCli.js';

/** A stand-in runtime that records what it was given and whether it was closed. */
function recordingRuntime(): { start: StartLocalRuntime; started: LocalSettings[]; closed: number } {
  const record = {
    started: [] as LocalSettings[],
    closed: 0,
    start: (async (settings, io) => {
      record.started.push(settings);
      io.log(`Webhooks: http://${settings.host}:${settings.port}/webhooks/{source}`);
      io.log('HOOKBRIDGE_READY {}');
      return {
        close: async () => {
          record.closed++;
        },
      };
    }) as StartLocalRuntime,
  };
  return record;
}

class PortTakenError extends Error {
  public constructor() {
    super('port 3000 is taken by another process; pass --port 0');
    this.name = 'PortTakenError';
  }
}

describe('hookbridge local', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject();
    project.writeFile('cdk.json', JSON.stringify({ app: 'npx tsx bin/app.ts' }));
  });
  afterEach(() => project.dispose());

  it('starts the runtime with the validated settings and closes it on SIGINT, exiting 0', async () => {
    const runtime = recordingRuntime();
    let stop!: (signal: string) => void;
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });

    const running = runMain(['local', '--port', '0', '--edge-port', '0'], {
      cwd: project.dir,
      env: { HOST: '127.0.0.2', STATE_DIR: 'state' },
      loadRuntime: async () => runtime.start,
      stopRequested: () => stopped,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runtime.closed).toBe(0);
    stop('SIGINT');
    const run = await running;

    expect(run.code).toBe(0);
    expect(runtime.started).toEqual([
      expect.objectContaining({ port: 0, edgePort: 0, host: '127.0.0.2', stateDir: join(project.dir, 'state'), app: 'npx tsx bin/app.ts' }),
    ]);
    expect(runtime.closed).toBe(1);
    expect(run.out).toEqual(['Webhooks: http://127.0.0.2:0/webhooks/{source}', 'HOOKBRIDGE_READY {}']);
    expect(run.err).toEqual(['hookbridge: SIGINT received, stopping']);
  });

  it('does not load the runtime when a setting is invalid', async () => {
    let loaded = false;
    const run = await runMain(['local', '--now', 'yesterday'], {
      cwd: project.dir,
      loadRuntime: async () => {
        loaded = true;
        return recordingRuntime().start;
      },
    });

    expect(run.code).toBe(2);
    expect(loaded).toBe(false);
    expect(run.err).toEqual([expect.stringMatching(/^hookbridge: --now must be a Unix time in whole seconds \(given "yesterday"\); e\.g\. --now \d+$/)]);
  });

  it("prints the runtime's own error classes as one line (exit 1)", async () => {
    const run = await runMain(['local'], {
      cwd: project.dir,
      loadRuntime: async () => async () => {
        throw new PortTakenError();
      },
    });

    expect(run.code).toBe(1);
    expect(run.err).toEqual(['hookbridge: port 3000 is taken by another process; pass --port 0']);
  });

  it('names the address of a port already in use', async () => {
    const run = await runMain(['local'], {
      cwd: project.dir,
      loadRuntime: async () => async () => {
        throw Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), { code: 'EADDRINUSE', address: '127.0.0.1', port: 3000 });
      },
    });

    expect(run.code).toBe(1);
    expect(run.err).toEqual(['hookbridge: 127.0.0.1:3000 is already in use; stop what holds it, or pass another --port/--edge-port (0 picks a free one)']);
  });

  it('reports a bug as unexpected, with the stack only when HOOKBRIDGE_DEBUG=1', async () => {
    const crash = { loadRuntime: async () => (async () => (undefined as unknown as { close(): Promise<void> }).close()) as unknown as StartLocalRuntime };

    const quiet = await runMain(['local'], { cwd: project.dir, ...crash });
    const debug = await runMain(['local'], { cwd: project.dir, env: { HOOKBRIDGE_DEBUG: '1' }, ...crash });

    expect(quiet.code).toBe(1);
    expect(quiet.err).toEqual([expect.stringMatching(/^hookbridge: unexpected error: .* — please report this \(run with HOOKBRIDGE_DEBUG=1 for the stack trace\)$/)]);
    expect(debug.err.length).toBeGreaterThan(2);
    expect(debug.err[1]).toMatch(/^TypeError: /);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
