import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';
import { runBin } from '../../helpers/cli/runCli.js';

/*
 * The bin as a user runs it: `node local/cli/hookbridge.mjs …` in a child process. A user mistake
 * must give exactly one line on stderr, naming the problem and the fix, and never a stack trace.
 */

const STACK_FRAME = /^\s+at /m;

describe('hookbridge bin', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject();
  });
  afterAll(() => project.dispose());

  it('fails if a flag is unknown, suggesting the closest one (exit 2, one line)', async () => {
    const run = await runBin(['local', '--prot', '3000']);

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: unknown flag --prot (did you mean --port?)']);
    expect(run.stdout).toBe('');
  });

  it('fails if the port is out of range, naming the setting, the value and the fix', async () => {
    const run = await runBin(['local', '--port', '70000']);

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: --port must be a port number from 0 to 65535, 0 picks a free one (given "70000"); e.g. --port 3000']);
  });

  it('fails if PORT in the environment is not a number, naming the variable', async () => {
    const run = await runBin(['local'], { env: { PORT: 'http' } });

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: PORT must be a port number from 0 to 65535, 0 picks a free one (given "http"); e.g. --port 3000']);
  });

  it('fails if the secrets file cannot be read, without a stack trace', async () => {
    const missing = `${project.dir}/nope.json`;
    const run = await runBin(['local'], { env: { WEBHOOK_SECRETS_FILE: missing } });

    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      `hookbridge: cannot read WEBHOOK_SECRETS_FILE ${missing} (no such file); fix the path or create it as {"<source>": "<secret>"}`,
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('lets a flag override its environment variable', async () => {
    // PORT is invalid, --port is valid: the first problem reported is the next setting's.
    const run = await runBin(['local', '--port', '3001', '--body-limit', 'lots'], { env: { PORT: 'http' } });

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: --body-limit must be a positive whole number of bytes (given "lots"); e.g. --body-limit 1048576']);
  });

  it('fails if the command is unknown, suggesting the closest one', async () => {
    const run = await runBin(['stauts']);

    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookbridge: unknown command "stauts" (did you mean status?)']);
  });

  it('fails with exit 1 and one line when the outputs file is missing (a runtime error)', async () => {
    const run = await runBin(['status'], { cwd: project.dir });

    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^hookbridge: no outputs file at .*\.hookbridge\/outputs\.json; start `hookbridge local`/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the help of a command with the environment variables its flags override', async () => {
    const run = await runBin(['local', '--help']);

    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Usage: hookbridge local [flags]');
    expect(run.stdout).toMatch(/--port PORT\s+Webhook port; 0 picks a free one \(default 3000\) \(env PORT\)/);
    expect(run.stdout).toMatch(/--secrets-file FILE .*\(env WEBHOOK_SECRETS_FILE\)/);
  });
});
