import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { HandlerFunction } from '../../lib/handler-function.js';
import { handlerEntry } from '../../lib/paths.js';
import { ECHO_HANDLER } from '../helpers/template/synthStack.js';

type FunctionResource = { Type: string; Properties: { Code: { S3Key: string }; Handler: string } };

/** The AWS::Lambda::Function resources of a synthesized stack, by logical id. */
function functions(outdir: string, stackName: string): Record<string, FunctionResource> {
  const template = JSON.parse(readFileSync(join(outdir, `${stackName}.template.json`), 'utf8')) as { Resources: Record<string, FunctionResource> };
  return Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function'));
}

function handlerFunction(stack: Stack, id: string, entry: string): HandlerFunction {
  return new HandlerFunction(stack, id, { entry, serviceName: id, invokedBy: 'a test' });
}

describe('handlerCode (through HandlerFunction)', () => {
  let outdir: string;
  let stderr: MockInstance<typeof process.stderr.write>;
  // CDK announces each bundling run it does not find in its staging cache on stderr.
  const bundlingRuns = (): string[] => stderr.mock.calls.map(([chunk]) => String(chunk)).filter((line) => line.startsWith('Bundling asset '));

  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'hookbridge-handler-code-'));
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    stderr.mockRestore();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('bundles an entry once per app and stores one asset, however many functions run it', () => {
    // GIVEN three functions, two of them on the same entry
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Shared');
    handlerFunction(stack, 'First', handlerEntry('notFound'));
    handlerFunction(stack, 'Second', handlerEntry('notFound'));
    handlerFunction(stack, 'Echo', ECHO_HANDLER);

    // WHEN the app synthesizes
    app.synth();

    // THEN esbuild ran once per entry, and both functions of the shared entry publish the same asset
    expect(bundlingRuns()).toHaveLength(2);
    const keys = Object.entries(functions(outdir, 'Shared')).map(([id, fn]) => [id.replace(/Function.*/, ''), fn.Properties.Code.S3Key]);
    const byId = Object.fromEntries(keys) as Record<string, string>;
    expect(byId.First).toBe(byId.Second);
    expect(byId.Echo).not.toBe(byId.First);
    expect(readdirSync(outdir).filter((name) => name.startsWith('asset.'))).toHaveLength(2);
  });

  it('writes a minified CommonJS index.js with its source map, whose handler the function names', () => {
    // GIVEN a function on the echo handler
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Echo');
    handlerFunction(stack, 'Echo', ECHO_HANDLER);

    // WHEN the app synthesizes
    app.synth();

    // THEN the asset holds index.js and index.js.map, and index.js exports what `index.handler` names
    const [fn] = Object.values(functions(outdir, 'Echo'));
    expect(fn!.Properties.Handler).toBe('index.handler');
    const asset = join(outdir, `asset.${fn!.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(asset).sort()).toEqual(['index.js', 'index.js.map']);
    const code = readFileSync(join(asset, 'index.js'), 'utf8');
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.js.map')).toBe(true);
    expect(code.split('\n').length).toBeLessThan(5);
    const bundle = createRequire(import.meta.url)(join(asset, 'index.js')) as { handler: (event: unknown) => Promise<unknown> };
    return expect(bundle.handler({ ping: 1 })).resolves.toEqual({ echoed: { ping: 1 } });
  });

  it('does not bundle stacks outside aws:cdk:bundling-stacks', () => {
    // GIVEN an app that bundles no stack
    const app = new App({ outdir, builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Unbundled');
    handlerFunction(stack, 'Echo', ECHO_HANDLER);

    // WHEN the app synthesizes
    app.synth();

    // THEN esbuild never ran and no asset was written
    expect(bundlingRuns()).toEqual([]);
    expect(readdirSync(outdir).filter((name) => name.startsWith('asset.'))).toEqual([]);
  });

  it('fails if the entry does not compile, naming the entry, the error with its location and the fix', () => {
    // GIVEN an entry with a syntax error
    const entry = join(outdir, 'broken.ts');
    writeFileSync(entry, 'export const handler = async () => {\n');
    const app = new App({ outdir: join(outdir, 'cdk.out'), builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Broken');

    // WHEN / THEN the function cannot be created
    expect(() => handlerFunction(stack, 'Broken', entry)).toThrow(
      `cannot bundle ${entry}: esbuild: Unexpected end of file (${entry}:2:0); fix the handler source`,
    );
    expect(existsSync(join(outdir, 'cdk.out', 'Broken.template.json'))).toBe(false);
  });
});
