import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles `sources/<name>.ts` as NodejsFunction does (esbuild, platform node, CommonJS,
 * `@aws-sdk/*` external) into `<tmp>/app/cdk.out/asset.<name>/index.js`, under an app whose
 * package.json says `"type": "module"` — the situation of a synthesized ESM CDK app.
 * @returns the asset directory
 */
export async function bundleLikeNodejsFunction(name: string): Promise<string> {
  const app = mkdtempSync(path.join(tmpdir(), 'hookbridge-lambda-'));
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  const assetDir = path.join(app, 'cdk.out', `asset.${name}`);
  mkdirSync(assetDir, { recursive: true });
  await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'sources', `${name}.ts`)],
    outfile: path.join(assetDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return assetDir;
}
