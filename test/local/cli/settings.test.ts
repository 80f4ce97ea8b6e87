import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLocalSettings } from '../../../local/cli/settings.js';
import { fixtureProject, type FixtureProject } from '../../helpers/cli/fixtureProject.js';

describe('parseLocalSettings', () => {
  let project: FixtureProject;
  beforeEach(() => {
    project = fixtureProject();
    project.writeFile('cdk.json', JSON.stringify({ app: 'npx tsx bin/app.ts' }));
  });
  afterEach(() => project.dispose());

  it('uses the documented defaults and the app of cdk.json', () => {
    const settings = parseLocalSettings({}, {}, project.dir);

    expect(settings).toEqual({
      port: 3000,
      host: '127.0.0.1',
      edgePort: 4566,
      secrets: {},
      app: 'npx tsx bin/app.ts',
      synthOut: join(project.dir, '.hookbridge', 'cdk.out'),
      outputsFile: join(project.dir, '.hookbridge', 'outputs.json'),
      endpointsFile: join(project.dir, '.hookbridge', 'local.json'),
      cwd: project.dir,
    });
  });

  it('reads every setting from the environment, as numbers and absolute paths', () => {
    const secretsFile = project.writeFile('secrets.json', JSON.stringify({ github: 'gh-secret', stripe: ['whsec_new', 'whsec_old'] }));
    const settings = parseLocalSettings(
      {},
      { PORT: '0', HOST: '::1', EDGE_PORT: '4567', WEBHOOK_SECRETS_FILE: 'secrets.json', BODY_LIMIT: '2048', STATE_DIR: 'state', NOW_OVERRIDE: '1764100000' },
      project.dir,
    );

    expect(settings).toMatchObject({
      port: 0,
      host: '::1',
      edgePort: 4567,
      secretsFile,
      secrets: { github: 'gh-secret', stripe: ['whsec_new', 'whsec_old'] },
      bodyLimit: 2048,
      stateDir: join(project.dir, 'state'),
      now: 1764100000,
    });
  });

  it('lets flags override the environment', () => {
    const settings = parseLocalSettings({ port: '3100', 'edge-port': '0', now: '1' }, { PORT: '3000', EDGE_PORT: '4566', NOW_OVERRIDE: '2' }, project.dir);

    expect(settings).toMatchObject({ port: 3100, edgePort: 0, now: 1 });
  });

  it('resolves --cpu-prof-dir and CPU_PROF_DIR to an absolute directory, creating it', () => {
    expect(parseLocalSettings({}, { CPU_PROF_DIR: 'profiles/env' }, project.dir)).toMatchObject({ cpuProfDir: join(project.dir, 'profiles/env') });
    expect(parseLocalSettings({ 'cpu-prof-dir': 'profiles/flag' }, { CPU_PROF_DIR: 'profiles/env' }, project.dir)).toMatchObject({ cpuProfDir: join(project.dir, 'profiles/flag') });
    expect(existsSync(join(project.dir, 'profiles/flag'))).toBe(true);
  });

  it('fails if the CPU profile directory lies below a file, naming the fix', () => {
    project.writeFile('afile', 'x');
    expect(() => parseLocalSettings({ 'cpu-prof-dir': 'afile/x' }, {}, project.dir)).toThrow(
      `--cpu-prof-dir ${join(project.dir, 'afile/x')} cannot be written (ENOTDIR); pass a writable directory, e.g. --cpu-prof-dir .hookbridge/profiles`,
    );
  });

  it('reuses an assembly with --cdk-out instead of the app', () => {
    const cdkOut = project.writeAssembly('Hookbridge', []);
    const settings = parseLocalSettings({ 'cdk-out': 'cdk.out', stack: 'Hookbridge', 'outputs-file': 'out/o.json' }, {}, project.dir);

    expect(settings).toMatchObject({ cdkOut, stack: 'Hookbridge', outputsFile: join(project.dir, 'out/o.json'), endpointsFile: join(project.dir, 'out/local.json') });
    expect(settings.app).toBeUndefined();
  });

  it('fails if the edge port is not a number', () => {
    expect(() => parseLocalSettings({}, { EDGE_PORT: '45a' }, project.dir)).toThrow(
      'EDGE_PORT must be a port number from 0 to 65535, 0 picks a free one (given "45a"); e.g. --edge-port 4566',
    );
  });

  it('fails if the webhook and edge ports are the same', () => {
    expect(() => parseLocalSettings({ port: '4566' }, {}, project.dir)).toThrow('the webhook port and the edge port must differ (both 4566)');
  });

  it('fails if NOW_OVERRIDE looks like milliseconds', () => {
    expect(() => parseLocalSettings({}, { NOW_OVERRIDE: '1764100000000' }, project.dir)).toThrow(
      'NOW_OVERRIDE must be a Unix time in seconds (given 1764100000000, which looks like milliseconds); pass 1764100000',
    );
  });

  it('fails if the secrets file is not JSON', () => {
    project.writeFile('secrets.json', '{github: x}');
    expect(() => parseLocalSettings({ 'secrets-file': 'secrets.json' }, {}, project.dir)).toThrow(/^--secrets-file .*secrets\.json is not valid JSON \(/);
  });

  it('fails if a secret is neither a string nor an array of strings, without echoing it', () => {
    project.writeFile('secrets.json', JSON.stringify({ github: 'ok', stripe: ['whsec_a', 42] }));
    expect(() => parseLocalSettings({ 'secrets-file': 'secrets.json' }, {}, project.dir)).toThrow(
      'the secret of source "stripe" must be a non-empty string or a non-empty array of them (given an array with a non-string or empty entry)',
    );
  });

  it('fails if the secrets file holds an array', () => {
    project.writeFile('secrets.json', '["a"]');
    expect(() => parseLocalSettings({ 'secrets-file': 'secrets.json' }, {}, project.dir)).toThrow('must hold a JSON object of source → secret (given an array');
  });

  it('fails if both --app and --cdk-out are given', () => {
    expect(() => parseLocalSettings({ app: 'node app.js', 'cdk-out': 'cdk.out' }, {}, project.dir)).toThrow(
      'pass either --app (synthesize) or --cdk-out (reuse an assembly), not both',
    );
  });

  it('fails if --cdk-out holds no assembly', () => {
    expect(() => parseLocalSettings({ 'cdk-out': 'nowhere' }, {}, project.dir)).toThrow('--cdk-out nowhere holds no cloud assembly (no manifest.json)');
  });

  it('fails if there is no app to run', () => {
    project.writeFile('cdk.json', '{}');
    expect(() => parseLocalSettings({}, {}, project.dir)).toThrow(/^no CDK app to run: .* has no cdk.json with an "app"; pass --app/);
  });
});
