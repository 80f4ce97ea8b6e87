import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildGraph } from '../../../local/template/buildGraph.js';
import { CloudAssemblyError } from '../../../local/template/errors.js';
import { loadCloudAssembly } from '../../../local/template/loadCloudAssembly.js';
import { resolveTemplate } from '../../../local/template/resolveTemplate.js';
import { echoFunction, localContext, synthStack, type SynthesizedStack } from '../../helpers/template/synthStack.js';

describe('loadCloudAssembly with real esbuild bundling', () => {
  let app: SynthesizedStack;
  beforeAll(() => {
    app = synthStack((stack) => echoFunction(stack, 'Echo'), { bundle: true, stackName: 'Bundled' });
  });
  afterAll(() => app.dispose());

  it('maps the function code S3 key to its staged asset directory holding index.js', () => {
    // GIVEN a synthesized stack with a bundled NodejsFunction
    const stack = loadCloudAssembly(app.outdir);
    // WHEN the graph is built
    const graph = buildGraph(resolveTemplate(stack.template, localContext(stack.stackName)), stack);
    // THEN the function points at cdk.out/asset.<hash> with the bundle in it
    const fn = graph.functions.find((f) => f.logicalId.startsWith('Echo'))!;
    expect(fn.assetDir).toMatch(new RegExp(`^${app.outdir}/asset\\.[0-9a-f]{64}$`));
    expect(fn.handler.file).toBe(join(fn.assetDir!, 'index.js'));
    expect(readFileSync(fn.handler.file!, 'utf8')).toContain('echoed');
    const asset = stack.assets.find((a) => a.path === fn.assetDir)!;
    expect(asset.objectKeys).toEqual([`${asset.hash}.zip`]);
  });

  it('reads the stack name, template and template path', () => {
    const stack = loadCloudAssembly(app.outdir, 'Bundled');
    expect(stack.stackName).toBe('Bundled');
    expect(stack.templatePath).toBe(join(app.outdir, 'Bundled.template.json'));
    expect(existsSync(stack.templatePath)).toBe(true);
    expect(Object.values(stack.template.Resources).some((r) => r.Type === 'AWS::Lambda::Function')).toBe(true);
  });
});

describe('loadCloudAssembly choosing a stack', () => {
  let app: SynthesizedStack;
  beforeAll(() => {
    app = synthStack((stack) => new sqs.Queue(stack, 'Q'), { stackName: 'First', extraStacks: ['Second'] });
  });
  afterAll(() => app.dispose());

  it('selects the named stack', () => {
    expect(loadCloudAssembly(app.outdir, 'Second').stackName).toBe('Second');
    expect(Object.values(loadCloudAssembly(app.outdir, 'First').template.Resources).map((r) => r.Type)).toContain('AWS::SQS::Queue');
  });

  it('fails if the assembly holds several stacks and none is named', () => {
    expect(() => loadCloudAssembly(app.outdir)).toThrow('the assembly holds 2 stacks (First, Second); name the one to run');
  });

  it('fails if the named stack is not in the assembly', () => {
    expect(() => loadCloudAssembly(app.outdir, 'Third')).toThrow('stack Third is not in the assembly (found: First, Second)');
  });
});

describe('loadCloudAssembly on a bad directory', () => {
  it('fails if there is no manifest.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookbridge-empty-'));
    try {
      expect(() => loadCloudAssembly(dir)).toThrow(CloudAssemblyError);
      expect(() => loadCloudAssembly(dir)).toThrow(`no manifest.json in ${dir}; run \`cdk synth\``);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails if the template is not valid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookbridge-bad-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }));
      writeFileSync(join(dir, 'S.template.json'), '{ nope');
      expect(() => loadCloudAssembly(dir)).toThrow(/^template .*S\.template\.json is not valid JSON; re-run `cdk synth`$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
