import { partitionOf, urlSuffixOf } from './arns.js';
import { LOCAL_BOOTSTRAP_VERSION } from './constants.js';
import { IntrinsicResolutionError, MissingParameterError, TemplateError } from './errors.js';
import { parseSub } from './parseSub.js';
import { deterministicUuid } from './physicalNames.js';
import { computeResourceIdentity } from './resourceIdentity.js';
import type { CfnResource, CfnTemplate, ResolveContext, ResourceIdentity } from './types.js';

/** Stands for `AWS::NoValue`: the property or list item it lands in is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

type Json = unknown;

function isIntrinsic(value: Json): value is Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/**
 * Resolves a template's parameters, conditions and intrinsic functions to local values.
 *
 * Identities (what `Ref`/`Fn::GetAtt` return) are computed on first use and memoized, so a name
 * property that refers to another resource works in any order; a reference cycle is reported.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
export class TemplateResolver {
  private readonly identities = new Map<string, ResourceIdentity>();
  private readonly identitiesInProgress = new Set<string>();
  private readonly conditionValues = new Map<string, boolean>();
  private readonly conditionsInProgress = new Set<string>();

  public constructor(
    private readonly template: CfnTemplate,
    public readonly ctx: ResolveContext,
  ) {
    if (template.Transform !== undefined) {
      throw new TemplateError(
        `the template declares Transform ${JSON.stringify(template.Transform)}; transforms run in CloudFormation and cannot be expanded locally`,
      );
    }
  }

  /** The raw resource, or `undefined`. */
  public resource(logicalId: string): CfnResource | undefined {
    return Object.hasOwn(this.template.Resources, logicalId) ? this.template.Resources[logicalId] : undefined;
  }

  /** False when the resource's `Condition` is false (CloudFormation does not create it). */
  public isCreated(logicalId: string): boolean {
    const resource = this.resource(logicalId);
    if (resource === undefined) return false;
    return resource.Condition === undefined || this.condition(resource.Condition, `${logicalId}.Condition`);
  }

  /** The value of a template parameter (lists for list types). */
  public parameter(name: string, path: string): string | string[] {
    const declared = this.template.Parameters?.[name];
    if (declared === undefined) throw new IntrinsicResolutionError(path, `Ref to unknown parameter or resource ${name}`);
    let value: string | undefined = this.ctx.parameters?.[name];
    if (value === undefined && declared.Type.startsWith('AWS::SSM::Parameter::Value')) {
      // CDK's BootstrapVersion: CloudFormation reads it from SSM; locally any version ≥ 6 does.
      if (typeof declared.Default === 'string' && declared.Default.startsWith('/cdk-bootstrap/')) value = LOCAL_BOOTSTRAP_VERSION;
      else throw new MissingParameterError(name);
    }
    if (value === undefined && declared.Default !== undefined) {
      value = Array.isArray(declared.Default) ? declared.Default.join(',') : String(declared.Default);
    }
    if (value === undefined) throw new MissingParameterError(name);
    return declared.Type === 'CommaDelimitedList' || declared.Type.startsWith('List<') ? value.split(',').map((v) => v.trim()) : value;
  }

  /** The value of a named condition. */
  public condition(name: string, path: string): boolean {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) throw new IntrinsicResolutionError(path, `unknown condition ${name}`);
    if (this.conditionsInProgress.has(name)) throw new IntrinsicResolutionError(path, `condition ${name} refers to itself`);
    this.conditionsInProgress.add(name);
    try {
      const value = this.evaluateCondition(definition, `Conditions.${name}`);
      this.conditionValues.set(name, value);
      return value;
    } finally {
      this.conditionsInProgress.delete(name);
    }
  }

  /** What `Ref`/`Fn::GetAtt` return for a resource. */
  public identityOf(logicalId: string, path: string): ResourceIdentity {
    const known = this.identities.get(logicalId);
    if (known !== undefined) return known;
    const resource = this.resource(logicalId);
    if (resource === undefined) throw new IntrinsicResolutionError(path, `reference to unknown resource ${logicalId}`);
    if (!this.isCreated(logicalId)) {
      throw new IntrinsicResolutionError(path, `reference to ${logicalId}, whose condition ${resource.Condition} is false`);
    }
    if (this.identitiesInProgress.has(logicalId)) {
      throw new IntrinsicResolutionError(path, `the name of ${logicalId} depends on itself`);
    }
    this.identitiesInProgress.add(logicalId);
    try {
      const identity = computeResourceIdentity({
        logicalId,
        type: resource.Type,
        ctx: this.ctx,
        property: (name) => {
          const raw = resource.Properties?.[name];
          if (raw === undefined) return undefined;
          const value = this.resolve(raw, `${logicalId}.Properties.${name}`);
          return value === NO_VALUE ? undefined : value;
        },
      });
      this.identities.set(logicalId, identity);
      return identity;
    } finally {
      this.identitiesInProgress.delete(logicalId);
    }
  }

  /** Evaluate a condition expression (`Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `{Condition}`). */
  public evaluateCondition(value: Json, path: string): boolean {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length === 1) {
        const [key, arg] = entries[0]!;
        if (key === 'Condition' && typeof arg === 'string') return this.condition(arg, path);
        if (key === 'Fn::Equals') {
          const [a, b] = this.args(arg, 2, key, path);
          return JSON.stringify(this.scalar(this.resolve(a, path))) === JSON.stringify(this.scalar(this.resolve(b, path)));
        }
        if (key === 'Fn::Not') return !this.evaluateCondition(this.args(arg, 1, key, path)[0], `${path}.Fn::Not`);
        if (key === 'Fn::And' || key === 'Fn::Or') {
          if (!Array.isArray(arg) || arg.length < 2 || arg.length > 10) {
            throw new IntrinsicResolutionError(path, `${key} takes 2 to 10 conditions`);
          }
          const results = arg.map((c, i) => this.evaluateCondition(c, `${path}.${key}[${i}]`));
          return key === 'Fn::And' ? results.every(Boolean) : results.some(Boolean);
        }
      }
    }
    throw new IntrinsicResolutionError(path, `not a condition: ${JSON.stringify(value)}`);
  }

  /** Resolve every intrinsic in `value`; returns {@link NO_VALUE} for `AWS::NoValue`. */
  public resolve(value: Json, path: string): Json {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      return value.map((item, i) => this.resolve(item, `${path}[${i}]`)).filter((item) => item !== NO_VALUE);
    }
    if (isIntrinsic(value)) {
      const [key, arg] = Object.entries(value)[0]!;
      return this.intrinsic(key, arg, `${path}.${key}`);
    }
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolve(item, `${path}.${key}`);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private ref(name: string, path: string): Json {
    switch (name) {
      case 'AWS::Region':
        return this.ctx.region;
      case 'AWS::AccountId':
        return this.ctx.accountId;
      case 'AWS::Partition':
        return partitionOf(this.ctx.region);
      case 'AWS::URLSuffix':
        return urlSuffixOf(this.ctx.region);
      case 'AWS::StackName':
        return this.ctx.stackName;
      case 'AWS::StackId':
        return `arn:${partitionOf(this.ctx.region)}:cloudformation:${this.ctx.region}:${this.ctx.accountId}:stack/${this.ctx.stackName}/${deterministicUuid(this.ctx.stackName)}`;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        if (this.resource(name) !== undefined) return this.identityOf(name, path).ref;
        return this.parameter(name, path);
    }
  }

  private getAtt(logicalId: string, attribute: string, path: string): Json {
    const identity = this.identityOf(logicalId, path);
    if (Object.hasOwn(identity.attributes, attribute)) return identity.attributes[attribute];
    const type = this.resource(logicalId)!.Type;
    if (isCustomResource(type)) {
      throw new IntrinsicResolutionError(
        path,
        `${logicalId}.${attribute} is returned by a custom resource (${type}) at deploy time and cannot be computed locally`,
      );
    }
    throw new IntrinsicResolutionError(path, `${type} ${logicalId} has no attribute ${attribute} in the local runtime`);
  }

  private intrinsic(key: string, arg: Json, path: string): Json {
    switch (key) {
      case 'Ref':
        if (typeof arg !== 'string') throw new IntrinsicResolutionError(path, 'Ref takes a logical id or parameter name');
        return this.ref(arg, path);
      case 'Fn::GetAtt': {
        let parts: Json[];
        if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          parts = dot === -1 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
        } else parts = Array.isArray(arg) ? arg : [];
        const [logicalId, attribute] = parts;
        const attr = this.resolve(attribute, path);
        if (parts.length !== 2 || typeof logicalId !== 'string' || typeof attr !== 'string') {
          throw new IntrinsicResolutionError(path, 'Fn::GetAtt takes [logicalId, attributeName]');
        }
        return this.getAtt(logicalId, attr, path);
      }
      case 'Fn::Join': {
        const [delimiter, list] = this.args(arg, 2, key, path);
        const items = this.resolve(list, `${path}[1]`);
        if (typeof delimiter !== 'string' || !Array.isArray(items)) {
          throw new IntrinsicResolutionError(path, 'Fn::Join takes [delimiter, list]');
        }
        return items.map((item, i) => this.text(item, `${path}[1][${i}]`)).join(delimiter);
      }
      case 'Fn::Sub':
        return this.sub(arg, path);
      case 'Fn::Select': {
        const [rawIndex, rawList] = this.args(arg, 2, key, path);
        const index = Number(this.resolve(rawIndex, path));
        const list = this.resolve(rawList, path);
        if (!Array.isArray(list)) throw new IntrinsicResolutionError(path, 'Fn::Select takes [index, list]');
        if (!Number.isInteger(index) || index < 0 || index >= list.length) {
          throw new IntrinsicResolutionError(path, `Fn::Select index ${String(index)} is out of range for a list of ${list.length}`);
        }
        return list[index];
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.args(arg, 2, key, path);
        const text = this.resolve(source, path);
        if (typeof delimiter !== 'string' || typeof text !== 'string') {
          throw new IntrinsicResolutionError(path, 'Fn::Split takes [delimiter, string]');
        }
        return text.split(delimiter);
      }
      case 'Fn::GetAZs': {
        const region = this.resolve(arg, path);
        const r = typeof region === 'string' && region !== '' ? region : this.ctx.region;
        return [`${r}a`, `${r}b`, `${r}c`];
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = this.args(arg, 3, key, path);
        if (typeof condition !== 'string') throw new IntrinsicResolutionError(path, 'Fn::If takes [conditionName, valueIfTrue, valueIfFalse]');
        return this.condition(condition, path) ? this.resolve(whenTrue, `${path}[1]`) : this.resolve(whenFalse, `${path}[2]`);
      }
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.evaluateCondition({ [key]: arg }, path);
      case 'Fn::FindInMap': {
        const [map, top, second] = this.args(arg, 3, key, path).map((a) => this.resolve(a, path));
        const value = this.template.Mappings?.[String(map)]?.[String(top)]?.[String(second)];
        if (value === undefined) throw new IntrinsicResolutionError(path, `Fn::FindInMap: no ${String(map)}.${String(top)}.${String(second)} in Mappings`);
        return value;
      }
      case 'Fn::Base64':
        return Buffer.from(this.text(this.resolve(arg, path), path), 'utf8').toString('base64');
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(arg, path));
      case 'Fn::Length': {
        const list = this.resolve(arg, path);
        if (!Array.isArray(list)) throw new IntrinsicResolutionError(path, 'Fn::Length takes a list');
        return list.length;
      }
      case 'Fn::ImportValue':
        throw new IntrinsicResolutionError(
          path,
          `Fn::ImportValue ${JSON.stringify(arg)} reads another stack's export; run a single self-contained stack locally`,
        );
      default:
        throw new IntrinsicResolutionError(path, `${key} is not supported by the local runtime`);
    }
  }

  private sub(arg: Json, path: string): string {
    let source: Json = arg;
    let variables: Record<string, Json> = {};
    if (Array.isArray(arg)) {
      const [text, vars] = this.args(arg, 2, 'Fn::Sub', path);
      source = text;
      if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) {
        throw new IntrinsicResolutionError(path, 'Fn::Sub takes a string or [string, {variables}]');
      }
      variables = vars as Record<string, Json>;
    }
    if (typeof source !== 'string') throw new IntrinsicResolutionError(path, 'Fn::Sub takes a string or [string, {variables}]');
    return parseSub(source)
      .map((part) => {
        if (part.kind === 'text') return part.text;
        if (Object.hasOwn(variables, part.name)) return this.text(this.resolve(variables[part.name], `${path}.${part.name}`), path);
        const dot = part.name.indexOf('.');
        if (dot !== -1 && this.resource(part.name.slice(0, dot)) !== undefined) {
          return this.text(this.getAtt(part.name.slice(0, dot), part.name.slice(dot + 1), path), path);
        }
        return this.text(this.ref(part.name, path), path);
      })
      .join('');
  }

  private args(arg: Json, count: number, fn: string, path: string): Json[] {
    if (!Array.isArray(arg) || arg.length !== count) {
      throw new IntrinsicResolutionError(path, `${fn} takes a list of ${count} arguments`);
    }
    return arg;
  }

  private scalar(value: Json): Json {
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }

  private text(value: Json, path: string): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new IntrinsicResolutionError(path, `expected a string, got ${value === NO_VALUE ? 'AWS::NoValue' : JSON.stringify(value)}`);
  }
}
