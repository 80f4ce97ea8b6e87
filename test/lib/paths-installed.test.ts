import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('paths, compiled and installed in another app', () => {
  const app = mkdtempSync(join(tmpdir(), 'hookbridge-consumer-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('finds the handler entries under node_modules/hookbridge from dist/lib/paths.js', () => {
    // GIVEN the package laid out as npm installs it: package.json + dist/lib compiled by tsc
    const pkg = join(app, 'node_modules', 'hookbridge');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'hookbridge', type: 'module' }));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'their-app', type: 'module' }));
    execFileSync(
      process.execPath,
      [join(repo, 'node_modules/typescript/bin/tsc'), join(repo, 'lib/paths.ts'), '--outDir', join(pkg, 'dist/lib'),
        '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'],
      { cwd: repo },
    );
    // WHEN their app asks for the verifier entry
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { handlerEntry, packageRoot } from 'hookbridge/dist/lib/paths.js'; console.log(JSON.stringify([packageRoot(), handlerEntry('verifier')]))"],
      { cwd: app, encoding: 'utf8' },
    );
    // THEN it points into the installed package, not into their app or the repo
    expect(JSON.parse(out)).toEqual([pkg, join(pkg, 'lambdas/verifier/handler.ts')]);
  }, 60_000);
});
