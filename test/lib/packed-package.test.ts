import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const THEIR_APP = `
import { App } from 'aws-cdk-lib';
import { IntegrationStack } from 'hookbridge';
import { fileURLToPath } from 'node:url';

const app = new App({ outdir: process.argv[2], context: { 'aws:cdk:enable-asset-metadata': true } });
new IntegrationStack(app, 'TheirStack', {
  sources: [{ name: 'acme', scheme: 'generic' }],
  consumers: [{ name: 'billing', entry: fileURLToPath(new URL('./handlers/billing.ts', import.meta.url)), eventPattern: { source: ['webhooks.acme'] } }],
  auditLog: false,
});
app.synth();
`;

// A team's consumer is only its logic, on the kit the package exports.
const THEIR_HANDLER = `
import { defineConsumer } from 'hookbridge/consumer-kit';

export const handler = defineConsumer(async (event) => {
  console.log('billing', event.source, event.id);
});
`;

describe('the packed package, installed in a separate CDK app', () => {
  const work = mkdtempSync(join(tmpdir(), 'hookbridge-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('synthesizes that app with the handlers bundled from node_modules/hookbridge', () => {
    // GIVEN the tarball `npm pack` makes (its prepack script compiles dist/lib)
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--pack-destination', work, '--json', '--silent'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/lib/index.js', 'dist/lib/index.d.ts', 'lambdas/verifier/handler.ts', 'lambdas/consumers/kit/index.ts']));

    // AND an app that installed it (its other dependencies linked from this checkout: no network)
    const app = join(work, 'their-app');
    const modules = join(app, 'node_modules');
    mkdirSync(join(app, 'handlers'), { recursive: true });
    mkdirSync(modules);
    execFileSync('tar', ['-xzf', join(work, packed!.filename), '-C', modules]);
    renameSync(join(modules, 'package'), join(modules, 'hookbridge'));
    for (const entry of readdirSync(join(repo, 'node_modules'))) {
      if (entry === 'hookbridge' || entry === '.package-lock.json') continue;
      symlinkSync(join(repo, 'node_modules', entry), join(modules, entry));
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'their-app', type: 'module', private: true }));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'their-app', lockfileVersion: 3, packages: {} }));
    writeFileSync(join(app, 'app.mjs'), THEIR_APP);
    writeFileSync(join(app, 'handlers', 'billing.ts'), THEIR_HANDLER);

    // WHEN their app synthesizes
    const out = join(app, 'cdk.out');
    execFileSync(process.execPath, ['app.mjs', out], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });

    // THEN every function is bundled, the verifier from the installed package
    const template = JSON.parse(readFileSync(join(out, 'TheirStack.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, unknown> } }; Metadata?: Record<string, string> }>;
    };
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(3);
    for (const fn of functions) expect(existsSync(join(out, fn.Metadata!['aws:asset:path']!, 'index.js'))).toBe(true);
    const verifier = functions.find((f) => f.Properties.Environment?.Variables?.HOOKBRIDGE_SOURCE === 'acme');
    expect(verifier).toBeDefined();
    const tree = readFileSync(join(out, 'tree.json'), 'utf8');
    expect(tree).toContain('TheirStack/Consumer-billing/Handler/Function');
    // AND the team's handler was bundled with the consumer kit it imported from the package
    const billing = functions.find((f) => f.Properties.Environment?.Variables?.HOOKBRIDGE_CONSUMER === 'billing');
    const bundle = readFileSync(join(out, billing!.Metadata!['aws:asset:path']!, 'index.js'), 'utf8');
    expect(bundle).toContain('HOOKBRIDGE_IDEMPOTENCY_TABLE');
  }, 240_000);
});
