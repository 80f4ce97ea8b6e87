import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULTS } from './constants.js';
import { AssetNotFoundError, UnsupportedResourceError } from './errors.js';
import { asRecord, Props, stringMap } from './props.js';
import type { ResourceIndex } from './ResourceIndex.js';
import type { FunctionNode, HandlerSpec, LoadedStack, ResolvedResource } from './types.js';

const CUSTOM_RESOURCE_TYPE = /^Custom::|^AWS::CloudFormation::CustomResource$/;

/**
 * Functions that serve CloudFormation custom resources: every `ServiceToken` target, and any function a
 * provider names in its environment (CDK's provider framework passes the user handler's ARN that way).
 */
export function findCustomResourceProviders(index: ResourceIndex): Set<string> {
  const providers = new Set<string>();
  for (const resource of Object.values(index.template.resources)) {
    if (!CUSTOM_RESOURCE_TYPE.test(resource.type)) continue;
    const fn = index.findFunction(resource.properties.ServiceToken);
    if (fn !== undefined) providers.add(fn.logicalId);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const logicalId of [...providers]) {
      const env = asRecord(asRecord(index.template.resources[logicalId]!.properties.Environment)?.Variables) ?? {};
      for (const value of Object.values(env)) {
        const fn = index.findFunction(value);
        if (fn !== undefined && !providers.has(fn.logicalId)) {
          providers.add(fn.logicalId);
          grew = true;
        }
      }
    }
  }
  return providers;
}

/**
 * Split a Node.js handler string the way the Lambda runtime does: the module is the path up to the
 * first dot of the last path segment, the rest is the export (possibly nested).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
export function parseHandler(raw: string, assetDir: string | undefined): HandlerSpec {
  const slash = raw.lastIndexOf('/');
  const dir = slash === -1 ? '' : raw.slice(0, slash + 1);
  const base = raw.slice(slash + 1);
  const dot = base.indexOf('.');
  const module = dir + (dot === -1 ? base : base.slice(0, dot));
  const exportName = dot === -1 ? 'handler' : base.slice(dot + 1);
  let file: string | undefined;
  if (assetDir !== undefined) {
    file = ['.js', '.mjs', '.cjs'].map((ext) => join(assetDir, module + ext)).find((candidate) => existsSync(candidate));
  }
  return { raw, module, exportName, ...(file === undefined ? {} : { file }) };
}

function findAssetPath(resource: ResolvedResource, stack: LoadedStack): string | undefined {
  const code = asRecord(resource.properties.Code) ?? {};
  const key = code.S3Key;
  if (typeof key === 'string') {
    const asset = stack.assets.find((a) => a.objectKeys.includes(key) || `${a.hash}.zip` === key);
    if (asset !== undefined) return asset.path;
  }
  // `aws:asset:path` metadata (written when the CLI enables asset metadata) is relative to the assembly.
  const metadataPath = resource.metadata['aws:asset:path'];
  if (typeof metadataPath === 'string') return isAbsolute(metadataPath) ? metadataPath : resolve(stack.directory, metadataPath);
  return undefined;
}

function buildFunction(resource: ResolvedResource, stack: LoadedStack, index: ResourceIndex, provider: boolean): FunctionNode {
  const props = new Props(resource);
  const { logicalId, type } = resource;
  const code = props.record('Code') ?? {};
  if (props.optionalString('PackageType') === 'Image' || code.ImageUri !== undefined) {
    throw new UnsupportedResourceError(logicalId, type, 'container image functions do not run locally', 'package the function as a zip (NodejsFunction)');
  }
  const runtime = props.optionalString('Runtime') ?? '';
  if (!provider && !runtime.startsWith('nodejs')) {
    throw new UnsupportedResourceError(logicalId, type, `runtime ${runtime || '(none)'} does not run locally, only Node.js`, 'use a nodejs runtime');
  }
  let assetDir: string | undefined;
  let inlineCode: string | undefined;
  if (typeof code.ZipFile === 'string') {
    inlineCode = code.ZipFile;
  } else {
    const path = findAssetPath(resource, stack);
    const isDirectory = path !== undefined && existsSync(path) && statSync(path).isDirectory();
    if (isDirectory) assetDir = path;
    else if (!provider) {
      throw new AssetNotFoundError(
        logicalId,
        path === undefined ? `no asset in the assembly publishes ${JSON.stringify(code.S3Key)}` : `${path} is not a directory`,
      );
    }
  }
  const roleArn = props.optionalString('Role');
  const role = index.find(roleArn, 'AWS::IAM::Role');
  const reservedConcurrency = props.number('ReservedConcurrentExecutions');
  const architectures = props.list('Architectures');
  return {
    logicalId,
    name: resource.identity.name!,
    arn: resource.identity.arn!,
    handler: parseHandler(props.optionalString('Handler') ?? 'index.handler', assetDir),
    runtime,
    architecture: typeof architectures[0] === 'string' ? architectures[0] : DEFAULTS.functionArchitecture,
    timeoutSeconds: props.number('Timeout', DEFAULTS.functionTimeoutSeconds),
    memoryMb: props.number('MemorySize', DEFAULTS.functionMemoryMb),
    environment: stringMap(asRecord(props.record('Environment')?.Variables)),
    ...(roleArn === undefined ? {} : { roleArn }),
    ...(role === undefined ? {} : { roleLogicalId: role.logicalId }),
    ...(assetDir === undefined ? {} : { assetDir }),
    ...(inlineCode === undefined ? {} : { inlineCode }),
    ...(reservedConcurrency === undefined ? {} : { reservedConcurrency }),
    customResourceProvider: provider,
  };
}

/** Every `AWS::Lambda::Function`, with its code directory from the assembly's assets. */
export function buildFunctions(index: ResourceIndex, stack: LoadedStack): FunctionNode[] {
  const providers = findCustomResourceProviders(index);
  return index
    .ofType('AWS::Lambda::Function')
    .map((resource) => buildFunction(resource, stack, index, providers.has(resource.logicalId)));
}
