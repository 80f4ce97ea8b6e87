import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { CloudAssemblyError } from './errors.js';
import type { CfnTemplate, FileAsset, LoadedStack } from './types.js';

interface ManifestArtifact {
  readonly type: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly file?: string;
    readonly directoryName?: string;
  };
  readonly dependencies?: readonly string[];
}

interface AssetManifest {
  readonly files?: Record<
    string,
    {
      readonly source: { readonly path?: string; readonly packaging?: string };
      readonly destinations?: Record<string, { readonly objectKey?: string }>;
    }
  >;
}

interface StackCandidate {
  readonly directory: string;
  readonly artifactId: string;
  readonly stackName: string;
  readonly displayName: string;
  readonly artifact: ManifestArtifact;
  readonly manifest: Record<string, ManifestArtifact>;
}

function readJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CloudAssemblyError(`cannot read ${what} ${path}; run \`cdk synth\` first`, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CloudAssemblyError(`${what} ${path} is not valid JSON; re-run \`cdk synth\``, { cause: error });
  }
}

/** Stacks of an assembly, descending into nested assemblies (CDK `Stage`s). */
function collectStacks(directory: string, depth = 0): StackCandidate[] {
  const manifest = readJson<{ artifacts?: Record<string, ManifestArtifact> }>(join(directory, 'manifest.json'), 'assembly manifest');
  const artifacts = manifest.artifacts ?? {};
  const stacks: StackCandidate[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (artifact.type === 'aws:cloudformation:stack') {
      stacks.push({
        directory,
        artifactId,
        stackName: artifact.properties?.stackName ?? artifactId,
        displayName: artifact.displayName ?? artifactId,
        artifact,
        manifest: artifacts,
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName !== undefined && depth < 8) {
      stacks.push(...collectStacks(join(directory, artifact.properties.directoryName), depth + 1));
    }
  }
  return stacks;
}

function readAssets(candidate: StackCandidate): FileAsset[] {
  const assets: FileAsset[] = [];
  for (const dependency of candidate.artifact.dependencies ?? []) {
    const artifact = candidate.manifest[dependency];
    if (artifact?.type !== 'cdk:asset-manifest' || artifact.properties?.file === undefined) continue;
    const manifest = readJson<AssetManifest>(join(candidate.directory, artifact.properties.file), 'asset manifest');
    for (const [hash, file] of Object.entries(manifest.files ?? {})) {
      if (file.source.path === undefined) continue;
      const path = isAbsolute(file.source.path) ? file.source.path : resolve(candidate.directory, file.source.path);
      const objectKeys = Object.values(file.destinations ?? {})
        .map((destination) => destination.objectKey)
        .filter((key): key is string => key !== undefined);
      assets.push({ hash, path, packaging: file.source.packaging === 'file' ? 'file' : 'zip', objectKeys });
    }
  }
  return assets;
}

/**
 * Read one stack of a synthesized cloud assembly (`cdk.out`): its template and its file assets.
 *
 * The stack is chosen by name (CloudFormation stack name, artifact id or display path such as
 * `Stage/Stack`); without a name the assembly must hold exactly one stack. Each file asset is mapped to
 * the S3 object keys it publishes to, which is what a function's `Code.S3Key` refers to.
 *
 * @see https://github.com/aws/aws-cdk/blob/main/packages/%40aws-cdk/cloud-assembly-schema/lib/manifest.ts
 */
export function loadCloudAssembly(cdkOutDir: string, stackName?: string): LoadedStack {
  const root = resolve(cdkOutDir);
  if (!existsSync(join(root, 'manifest.json'))) {
    throw new CloudAssemblyError(`no manifest.json in ${root}; run \`cdk synth\` (or pass the cdk.out directory)`);
  }
  const stacks = collectStacks(root);
  if (stacks.length === 0) {
    throw new CloudAssemblyError(`the assembly in ${root} holds no CloudFormation stack`);
  }
  let chosen: StackCandidate | undefined;
  if (stackName === undefined) {
    if (stacks.length > 1) {
      throw new CloudAssemblyError(
        `the assembly holds ${stacks.length} stacks (${stacks.map((s) => s.stackName).join(', ')}); name the one to run`,
      );
    }
    chosen = stacks[0];
  } else {
    chosen = stacks.find((s) => s.stackName === stackName || s.artifactId === stackName || s.displayName === stackName);
    if (chosen === undefined) {
      throw new CloudAssemblyError(
        `stack ${stackName} is not in the assembly (found: ${stacks.map((s) => s.stackName).join(', ')})`,
      );
    }
  }
  const templateFile = chosen!.artifact.properties?.templateFile;
  if (templateFile === undefined) {
    throw new CloudAssemblyError(`stack ${chosen!.stackName} has no templateFile in manifest.json`);
  }
  const templatePath = join(chosen!.directory, templateFile);
  const template = readJson<CfnTemplate>(templatePath, 'template');
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new CloudAssemblyError(`template ${templatePath} is not a CloudFormation template; re-run \`cdk synth\``);
  }
  return {
    directory: chosen!.directory,
    artifactId: chosen!.artifactId,
    stackName: chosen!.stackName,
    templatePath,
    // An empty stack synthesizes without a Resources section.
    template: { ...template, Resources: template.Resources ?? {} },
    assets: readAssets(chosen!),
  };
}
