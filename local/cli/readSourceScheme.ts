import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssemblyError } from './errors.js';

/** How a source's verifier checks signatures, as its function's environment says (docs/contract.md). */
export interface SourceScheme {
  /** `HOOKBRIDGE_SCHEME`. */
  readonly scheme: string;
  /** `HOOKBRIDGE_SCHEME_OPTIONS`, parsed. */
  readonly options: Record<string, unknown>;
  /** `HOOKBRIDGE_PUBLIC_URL`, when set to a literal. */
  readonly publicUrl?: string;
  /** `HOOKBRIDGE_SECRET_ID`, when it is a literal (a secret imported by name or ARN). */
  readonly secretId?: string;
  /** The stack whose template holds the verifier. */
  readonly stackName: string;
}

interface StackTemplate {
  readonly stackName: string;
  readonly file: string;
}

interface Manifest {
  readonly artifacts?: Record<string, { type?: string; displayName?: string; properties?: Record<string, unknown> }>;
}

/**
 * Reads the scheme of `source` from a synthesized cloud assembly: the Lambda function whose
 * environment has `HOOKBRIDGE_SOURCE = source`. The stack's outputs do not carry the scheme, and
 * the template is where `WebhookSource` writes it, for a deployed stack as for a local one.
 *
 * @param stackName restricts the search to one stack (from the outputs file); all stacks otherwise
 * @throws AssemblyError when there is no assembly, no such source, or the options are not JSON
 */
export function readSourceScheme(cdkOut: string, source: string, stackName?: string): SourceScheme {
  const templates = stackTemplates(cdkOut).filter((t) => stackName === undefined || t.stackName === stackName);
  const found: SourceScheme[] = [];
  for (const template of templates) {
    const parsed = readJson(template.file) as { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> };
    for (const resource of Object.values(parsed.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const variables = ((resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
      if (variables.HOOKBRIDGE_SOURCE !== source || typeof variables.HOOKBRIDGE_SCHEME !== 'string') continue;
      found.push({
        scheme: variables.HOOKBRIDGE_SCHEME,
        options: parseOptions(variables.HOOKBRIDGE_SCHEME_OPTIONS, source, template.file),
        ...(typeof variables.HOOKBRIDGE_PUBLIC_URL === 'string' ? { publicUrl: variables.HOOKBRIDGE_PUBLIC_URL } : {}),
        ...(typeof variables.HOOKBRIDGE_SECRET_ID === 'string' ? { secretId: variables.HOOKBRIDGE_SECRET_ID } : {}),
        stackName: template.stackName,
      });
    }
  }
  if (found.length === 0) {
    const where = stackName !== undefined ? `stack ${stackName} in ${cdkOut}` : cdkOut;
    throw new AssemblyError(`no verifier for source ${JSON.stringify(source)} in ${where}; check the source name, re-run \`cdk synth\`, or pass --scheme`);
  }
  const stacks = [...new Set(found.map((f) => f.stackName))];
  if (stacks.length > 1) {
    throw new AssemblyError(`source ${JSON.stringify(source)} is in several stacks of ${cdkOut} (${stacks.join(', ')}); pass --stack`);
  }
  return found[0]!;
}

/** Every stack template of the assembly, following nested assemblies (CDK stages). */
function stackTemplates(cdkOut: string): StackTemplate[] {
  const manifestFile = join(cdkOut, 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AssemblyError(
      missing
        ? `no cloud assembly at ${cdkOut} to read the source's scheme from; run \`cdk synth\`, pass --cdk-out, or pass --scheme`
        : `cannot read ${manifestFile} (${(error as Error).message.split('\n')[0]}); re-run \`cdk synth\``,
      { cause: error },
    );
  }
  return Object.entries(manifest.artifacts ?? {}).flatMap(([id, artifact]): StackTemplate[] => {
    const props = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof props.templateFile === 'string') {
      return [{ stackName: typeof props.stackName === 'string' ? props.stackName : id, file: join(cdkOut, props.templateFile) }];
    }
    if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      return stackTemplates(join(cdkOut, props.directoryName));
    }
    return [];
  });
}

function parseOptions(value: unknown, source: string, file: string): Record<string, unknown> {
  if (value === undefined) return {};
  const parsed = typeof value === 'string' ? tryJson(value) : undefined;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AssemblyError(`HOOKBRIDGE_SCHEME_OPTIONS of source ${JSON.stringify(source)} in ${file} is not a JSON object; re-run \`cdk synth\``);
  }
  return parsed as Record<string, unknown>;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AssemblyError(`cannot read the template ${file} (${(error as Error).message.split('\n')[0]}); re-run \`cdk synth\``, { cause: error });
  }
}
