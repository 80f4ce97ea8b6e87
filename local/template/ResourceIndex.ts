import type { ResolvedResource, ResolvedTemplate } from './types.js';

/** Lookups over a resolved template's resources: by type, and by ARN / name / `Ref` value. */
export class ResourceIndex {
  private readonly byTypeMap = new Map<string, ResolvedResource[]>();

  public constructor(public readonly template: ResolvedTemplate) {
    for (const resource of Object.values(template.resources)) {
      const list = this.byTypeMap.get(resource.type) ?? [];
      list.push(resource);
      this.byTypeMap.set(resource.type, list);
    }
  }

  /** Resources of the given types, in template order. */
  public ofType(...types: string[]): ResolvedResource[] {
    return types.flatMap((type) => this.byTypeMap.get(type) ?? []);
  }

  /** The resource of one of `types` whose ARN, name or `Ref` value is `value`. */
  public find(value: unknown, ...types: string[]): ResolvedResource | undefined {
    if (typeof value !== 'string') return undefined;
    return this.ofType(...types).find(
      (r) => r.identity.arn === value || r.identity.name === value || r.identity.ref === value,
    );
  }

  /** The function named by a name, ARN, partial ARN (`<account>:function:<name>`) or qualified ARN. */
  public findFunction(value: unknown): ResolvedResource | undefined {
    if (typeof value !== 'string') return undefined;
    const direct = this.find(value, 'AWS::Lambda::Function');
    if (direct !== undefined) return direct;
    const match = /(?:^|:)function:([^:]+)/.exec(value);
    return match === null ? undefined : this.find(match[1], 'AWS::Lambda::Function');
  }
}
