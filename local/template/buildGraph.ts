import { buildFunctions } from './buildFunctions.js';
import { buildHttpApis } from './buildHttpApis.js';
import {
  buildArchives,
  buildEventBuses,
  buildEventSourceMappings,
  buildQueuePolicies,
  buildQueues,
  buildRules,
} from './buildMessaging.js';
import { buildRoles } from './buildRoles.js';
import { buildBuckets, buildSecrets, buildTables } from './buildStorage.js';
import { classifyResource } from './classifyResource.js';
import { ResourceIndex } from './ResourceIndex.js';
import type { LoadedStack, OutputsFile, ResolvedTemplate, ResourceGraph, ResourceRef } from './types.js';

/**
 * Turn a resolved template into the typed graph the local runtime runs: functions with their code
 * directories, queues, buses, rules and targets, archives, event source mappings, tables, secrets,
 * buckets, HTTP API routes, roles with their policies, and outputs in `cdk deploy --outputs-file` form.
 *
 * Every resource is classified first: a type carrying behaviour the runtime does not implement stops
 * here with an `UnsupportedResourceError` naming it; types with no local behaviour are listed in
 * `inventory.notEmulated` (and IAM/queue policies, read but not created, in `inventory.read`).
 *
 * @example
 * const stack = loadCloudAssembly('cdk.out');
 * const ctx = { region: 'us-east-1', accountId: '000000000000', edgeUrl: 'http://127.0.0.1:4566',
 *   webhookBaseUrl: 'http://127.0.0.1:3000', stackName: stack.stackName };
 * const graph = buildGraph(resolveTemplate(stack.template, ctx), stack);
 */
export function buildGraph(template: ResolvedTemplate, assembly: LoadedStack): ResourceGraph {
  const emulated: ResourceRef[] = [];
  const read: ResourceRef[] = [];
  const notEmulated: ResourceRef[] = [];
  for (const resource of Object.values(template.resources)) {
    const ref = { logicalId: resource.logicalId, type: resource.type };
    const support = classifyResource(resource.logicalId, resource.type, resource.properties);
    (support === 'emulated' ? emulated : support === 'read' ? read : notEmulated).push(ref);
  }

  const index = new ResourceIndex(template);
  const warnings = [...template.warnings];
  const outputs: OutputsFile = {
    [template.stackName]: Object.fromEntries(Object.entries(template.outputs).map(([key, output]) => [key, output.value])),
  };
  return {
    stackName: template.stackName,
    functions: buildFunctions(index, assembly),
    queues: buildQueues(index),
    queuePolicies: buildQueuePolicies(index),
    eventBuses: buildEventBuses(index, template.context),
    rules: buildRules(index),
    archives: buildArchives(index),
    eventSourceMappings: buildEventSourceMappings(index),
    tables: buildTables(index),
    secrets: buildSecrets(index),
    buckets: buildBuckets(index),
    httpApis: buildHttpApis(index, warnings),
    roles: buildRoles(index),
    outputs,
    inventory: { emulated, read, notEmulated },
    warnings,
  };
}
