import { classifyResource, supportOf } from './classifyResource.js';
import { TemplateError } from './errors.js';
import { NO_VALUE, TemplateResolver } from './TemplateResolver.js';
import type { CfnTemplate, ResolveContext, ResolvedOutput, ResolvedResource, ResolvedTemplate, ResourceIdentity } from './types.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace `https://<apiId>.execute-api.<region>.<suffix>[/<stage>]` with the local webhook base URL. */
function apiUrlRewriter(apis: ReadonlyMap<string, readonly string[]>, baseUrl: string): (value: unknown) => unknown {
  if (apis.size === 0) return (value) => value;
  const local = baseUrl.replace(/\/+$/, '');
  const alternatives = [...apis].map(([apiId, stages]) => {
    const named = stages.filter((s) => s !== '$default').map(escapeRegExp);
    const stage = named.length > 0 ? `(?:/(?:${named.join('|')})(?=/|$|[^\\w-]))?` : '';
    return `${escapeRegExp(apiId)}\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?${stage}`;
  });
  const pattern = new RegExp(`https://(?:${alternatives.join('|')})`, 'g');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, local);
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    }
    return value;
  };
  return rewrite;
}

function outputText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Resolve a template for local use: evaluate conditions and parameters, drop resources whose
 * condition is false, give every resource its local identity (`Ref`/`Fn::GetAtt` values), and
 * replace every intrinsic in properties and outputs with its local value.
 *
 * An HTTP API's URL — `Fn::GetAtt Api.ApiEndpoint`, or CDK's `https://<Ref Api>.execute-api.<region>.<suffix>/`
 * join — becomes the local webhook base URL, so a function told its public URL (Twilio signs it) gets
 * e.g. `http://127.0.0.1:3000/webhooks/twilio`.
 *
 * Resources the runtime emulates or reads are resolved strictly (an unresolvable intrinsic throws);
 * other resources and outputs best-effort (a failure becomes a warning).
 */
export function resolveTemplate(template: CfnTemplate, ctx: ResolveContext): ResolvedTemplate {
  try {
    return resolveWith(new TemplateResolver(template, ctx), template, ctx);
  } catch (error) {
    // A reference into a resource the runtime cannot run is a symptom; report the resource instead.
    if (error instanceof TemplateError) {
      for (const [logicalId, resource] of Object.entries(template.Resources)) classifyResource(logicalId, resource.Type, resource.Properties);
    }
    throw error;
  }
}

function resolveWith(resolver: TemplateResolver, template: CfnTemplate, ctx: ResolveContext): ResolvedTemplate {
  const warnings: string[] = [];

  const conditions: Record<string, boolean> = {};
  for (const name of Object.keys(template.Conditions ?? {})) conditions[name] = resolver.condition(name, `Conditions.${name}`);

  const parameters: Record<string, string | readonly string[]> = {};
  for (const name of Object.keys(template.Parameters ?? {})) {
    try {
      parameters[name] = resolver.parameter(name, `Parameters.${name}`);
    } catch {
      // Reported where it is referenced; an unreferenced parameter needs no value.
    }
  }

  const created = Object.keys(template.Resources).filter((logicalId) => resolver.isCreated(logicalId));
  const strict = (type: string): boolean => {
    const support = supportOf(type);
    return support === 'emulated' || support === 'read';
  };

  const identities = new Map<string, ResourceIdentity>();
  for (const logicalId of created) {
    const { Type } = template.Resources[logicalId]!;
    try {
      identities.set(logicalId, resolver.identityOf(logicalId, logicalId));
    } catch (error) {
      if (strict(Type) || !(error instanceof TemplateError)) throw error;
      warnings.push(`${logicalId} (${Type}): ${error.message}`);
      identities.set(logicalId, { ref: logicalId, attributes: {} });
    }
  }

  const resolvedProperties = new Map<string, Record<string, unknown>>();
  for (const logicalId of created) {
    const resource = template.Resources[logicalId]!;
    try {
      const value = resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`);
      resolvedProperties.set(logicalId, value === NO_VALUE ? {} : (value as Record<string, unknown>));
    } catch (error) {
      if (strict(resource.Type) || !(error instanceof TemplateError)) throw error;
      warnings.push(`${logicalId} (${resource.Type}) left unresolved: ${error.message}`);
      resolvedProperties.set(logicalId, { ...(resource.Properties ?? {}) });
    }
  }

  const apis = new Map<string, string[]>();
  for (const logicalId of created) {
    if (template.Resources[logicalId]!.Type === 'AWS::ApiGatewayV2::Api') apis.set(identities.get(logicalId)!.ref, []);
  }
  for (const logicalId of created) {
    if (template.Resources[logicalId]!.Type !== 'AWS::ApiGatewayV2::Stage') continue;
    const { ApiId, StageName } = resolvedProperties.get(logicalId)!;
    if (typeof ApiId === 'string' && typeof StageName === 'string') apis.get(ApiId)?.push(StageName);
  }
  const rewrite = apiUrlRewriter(apis, ctx.webhookBaseUrl);

  const resources: Record<string, ResolvedResource> = {};
  for (const logicalId of created) {
    const resource = template.Resources[logicalId]!;
    resources[logicalId] = {
      logicalId,
      type: resource.Type,
      properties: rewrite(resolvedProperties.get(logicalId)) as Record<string, unknown>,
      metadata: resource.Metadata ?? {},
      identity: identities.get(logicalId)!,
    };
  }

  const outputs: Record<string, ResolvedOutput> = {};
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    try {
      if (output.Condition !== undefined && !resolver.condition(output.Condition, `Outputs.${key}.Condition`)) continue;
      const value = resolver.resolve(output.Value, `Outputs.${key}.Value`);
      if (value === NO_VALUE) continue;
      const exportName = output.Export === undefined ? undefined : resolver.resolve(output.Export.Name, `Outputs.${key}.Export.Name`);
      outputs[key] = {
        value: rewrite(outputText(value)) as string,
        ...(output.Description === undefined ? {} : { description: output.Description }),
        ...(typeof exportName === 'string' ? { exportName } : {}),
      };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      warnings.push(`output ${key} left out: ${error.message}`);
    }
  }

  return { stackName: ctx.stackName, context: ctx, resources, outputs, conditions, parameters, warnings };
}
