import type { ResourceGraph, ResourceRef } from '../template/index.js';
import type { RunningFunction } from './setupFunctions.js';
import type { SourceSecret } from './setupSecrets.js';

/** One line per webhook route: `POST http://127.0.0.1:3000/webhooks/github (github)`. */
export function routeLines(graph: ResourceGraph, functions: ReadonlyMap<string, RunningFunction>, webhookBaseUrl: string): string[] {
  const lines: string[] = [];
  for (const route of graph.httpApis.flatMap((api) => api.routes)) {
    if (route.path === undefined || route.path.includes('{')) continue;
    const fn = functions.get(route.functionLogicalId);
    const method = route.method === undefined || route.method === 'ANY' ? 'POST' : route.method;
    lines.push(`${method} ${webhookBaseUrl}${route.path} (${fn?.source ?? fn?.node.name ?? route.functionLogicalId})`);
  }
  return lines;
}

/** One line per source whose secret the operator does not have from a file (`stripe listen` style). */
export function secretLines(secrets: readonly SourceSecret[]): string[] {
  return secrets.filter((s) => s.value !== undefined).map((s) => `secret for ${s.source}: ${s.value}${s.origin === 'state' ? ' (kept from STATE_DIR)' : ''}`);
}

/** The not-emulated inventory in one line, grouped by type: `not emulated: AWS::Logs::LogGroup ×3, …`. */
export function inventoryLine(refs: readonly ResourceRef[]): string | undefined {
  if (refs.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const ref of refs) counts.set(ref.type, (counts.get(ref.type) ?? 0) + 1);
  const parts = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => (n > 1 ? `${type} ×${n}` : type));
  return `not emulated (no local behaviour): ${parts.join(', ')}`;
}
