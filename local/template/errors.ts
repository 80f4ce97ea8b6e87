/**
 * Errors of the template interpreter. Every message is one line the CLI prints as is: the problem,
 * then what to do about it.
 */

/** Base class of every error raised while reading `cdk.out` or interpreting its template. */
export class TemplateError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

/** `cdk.out` is missing, unreadable, or does not hold the requested stack. */
export class CloudAssemblyError extends TemplateError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CloudAssemblyError';
  }
}

/** A function's code asset is not in the assembly (or its directory is gone). */
export class AssetNotFoundError extends TemplateError {
  public readonly logicalId: string;

  public constructor(logicalId: string, detail: string) {
    super(`${logicalId}: code asset not found (${detail}); re-run \`cdk synth\` so cdk.out holds the bundled asset`);
    this.name = 'AssetNotFoundError';
    this.logicalId = logicalId;
  }
}

/** An intrinsic function or reference cannot be resolved locally. */
export class IntrinsicResolutionError extends TemplateError {
  /** Where in the template the intrinsic sits, e.g. `Fn9270CBC0.Properties.Environment.Variables.Q`. */
  public readonly path: string;

  public constructor(path: string, problem: string, options?: ErrorOptions) {
    super(`${path}: ${problem}`, options);
    this.name = 'IntrinsicResolutionError';
    this.path = path;
  }
}

/** A template parameter has no default and no value was given. */
export class MissingParameterError extends TemplateError {
  public readonly parameter: string;

  public constructor(parameter: string) {
    super(`parameter ${parameter} has no default; pass a value for it (context parameters: { ${parameter}: "…" })`);
    this.name = 'MissingParameterError';
    this.parameter = parameter;
  }
}

/** A resource carries behaviour the local runtime does not implement. */
export class UnsupportedResourceError extends TemplateError {
  public readonly logicalId: string;
  public readonly resourceType: string;

  public constructor(logicalId: string, resourceType: string, problem: string, fix: string) {
    super(`${logicalId} (${resourceType}): ${problem}; ${fix}`);
    this.name = 'UnsupportedResourceError';
    this.logicalId = logicalId;
    this.resourceType = resourceType;
  }
}
