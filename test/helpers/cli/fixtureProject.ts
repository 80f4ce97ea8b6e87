import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalEndpoints } from '../../../local/cli/endpoints.js';

/** A webhook source of a fixture stack, as `WebhookSource` writes its verifier into the template. */
export interface FixtureSource {
  readonly name: string;
  readonly scheme: string;
  readonly options?: Record<string, unknown>;
}

/** A throwaway project directory with `.hookbridge/` and `cdk.out/`. */
export interface FixtureProject {
  readonly dir: string;
  readonly outputsFile: string;
  /** Writes `.hookbridge/outputs.json` in the `cdk deploy --outputs-file` format. */
  writeOutputs(outputs: Record<string, Record<string, string>>): void;
  writeLocalEndpoints(endpoints: LocalEndpoints): void;
  /**
   * Writes `cdk.out/` (manifest + template) whose verifier functions carry the environment of
   * docs/contract.md; `dir` defaults to `<project>/cdk.out`.
   */
  writeAssembly(stackName: string, sources: readonly FixtureSource[], dir?: string): string;
  writeFile(name: string, content: string): string;
  dispose(): void;
}

/** Creates a fixture project in a fresh temp directory. */
export function fixtureProject(): FixtureProject {
  const dir = mkdtempSync(join(tmpdir(), 'hookbridge-cli-'));
  const outputsFile = join(dir, '.hookbridge', 'outputs.json');
  mkdirSync(join(dir, '.hookbridge'), { recursive: true });
  return {
    dir,
    outputsFile,
    writeOutputs: (outputs) => writeFileSync(outputsFile, JSON.stringify(outputs, null, 2)),
    writeLocalEndpoints: (endpoints) => writeFileSync(join(dir, '.hookbridge', 'local.json'), JSON.stringify(endpoints, null, 2)),
    writeAssembly(stackName, sources, assemblyDir = join(dir, 'cdk.out')) {
      mkdirSync(assemblyDir, { recursive: true });
      const templateFile = `${stackName}.template.json`;
      writeFileSync(
        join(assemblyDir, 'manifest.json'),
        JSON.stringify({
          version: '48.0.0',
          artifacts: {
            Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
            [stackName]: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile } },
          },
        }),
      );
      const resources: Record<string, unknown> = {};
      for (const source of sources) {
        const id = `Source${source.name.replace(/-/g, '')}VerifierFunction1234ABCD`;
        resources[`Source${source.name.replace(/-/g, '')}Secret5678EFAB`] = { Type: 'AWS::SecretsManager::Secret', Properties: {} };
        resources[id] = {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Handler: 'index.handler',
            Runtime: 'nodejs22.x',
            Environment: {
              Variables: {
                HOOKBRIDGE_SOURCE: source.name,
                HOOKBRIDGE_SCHEME: source.scheme,
                HOOKBRIDGE_SCHEME_OPTIONS: JSON.stringify(source.options ?? {}),
                HOOKBRIDGE_EVENT_SOURCE: `webhooks.${source.name}`,
                HOOKBRIDGE_EVENT_BUS_NAME: { Ref: 'BusEventBus1234' },
                HOOKBRIDGE_SECRET_ID: { Ref: `Source${source.name.replace(/-/g, '')}Secret5678EFAB` },
              },
            },
          },
        };
      }
      writeFileSync(join(assemblyDir, templateFile), JSON.stringify({ Resources: resources }));
      return assemblyDir;
    },
    writeFile(name, content) {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
