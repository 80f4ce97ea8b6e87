import type { EdgeServer } from '../edge/index.js';
import { LambdaRunner, type LambdaLogSink } from '../lambda/index.js';
import type { FunctionNode, ResourceGraph } from '../template/index.js';
import { LOCAL_SECRET_ACCESS_KEY } from './constants.js';
import { functionAccessKeyId } from './functionAccessKeyId.js';

/** A function the runtime runs, with the identity the edge knows it by. */
export interface RunningFunction {
  readonly node: FunctionNode;
  readonly runner: LambdaRunner;
  readonly accessKeyId: string;
  /** `HOOKBRIDGE_CONSUMER`, else the logical id: the name `/_local/state` lists it under. */
  readonly consumerName: string;
  /** `HOOKBRIDGE_SOURCE` of a verifier function. */
  readonly source?: string;
}

/** What {@link setupFunctions} needs besides the graph. */
export interface SetupFunctionsInput {
  readonly graph: ResourceGraph;
  readonly edge: EdgeServer;
  readonly edgeUrl: string;
  readonly webhookBaseUrl: string;
  readonly region: string;
  readonly accountId: string;
  /** BODY_LIMIT: overrides the verifiers' `HOOKBRIDGE_BODY_LIMIT`. */
  readonly bodyLimit?: number;
  /** Milliseconds added to each function's clock (NOW_OVERRIDE). */
  readonly clockOffsetMs: number;
  /** CPU_PROF_DIR: each execution environment writes its CPU profile here at shutdown. */
  readonly cpuProfileDir?: string;
  readonly logSink?: LambdaLogSink;
}

/** The environment a function runs with locally: the template's, plus local overrides for verifiers. */
export function localEnvironment(fn: FunctionNode, graph: ResourceGraph, webhookBaseUrl: string, bodyLimit: number | undefined): Record<string, string> {
  const env: Record<string, string> = { ...fn.environment };
  if (env.HOOKBRIDGE_SOURCE !== undefined) {
    if (bodyLimit !== undefined) env.HOOKBRIDGE_BODY_LIMIT = String(bodyLimit);
    if (env.HOOKBRIDGE_PUBLIC_URL === undefined) {
      // Locally the signed URL is the one the request arrives at (http://HOST:PORT/webhooks/<source>),
      // not the https URL the verifier would derive from the request.
      const route = graph.httpApis.flatMap((api) => api.routes).find((r) => r.functionLogicalId === fn.logicalId && r.path !== undefined && !r.path.includes('{'));
      if (route?.path !== undefined) env.HOOKBRIDGE_PUBLIC_URL = `${webhookBaseUrl}${route.path}`;
    }
  }
  return env;
}

/**
 * Creates one {@link LambdaRunner} per function of the stack (custom resource providers and inline
 * code excepted: returned as warnings), each with its template environment, `AWS_ENDPOINT_URL` = the
 * edge and its own access key id, and registers that key on the edge with the function's role
 * policies so its calls are authorized like on AWS.
 *
 * @throws BundleNotFoundError when a function's bundle is missing from the assembly
 */
export function setupFunctions(input: SetupFunctionsInput): { functions: Map<string, RunningFunction>; warnings: string[] } {
  const { graph, edge } = input;
  const functions = new Map<string, RunningFunction>();
  const warnings: string[] = [];
  for (const fn of graph.functions) {
    if (fn.customResourceProvider) continue;
    if (fn.assetDir === undefined) {
      warnings.push(`${fn.logicalId}: inline code (Code.ZipFile) is not run locally`);
      continue;
    }
    const accessKeyId = functionAccessKeyId(fn.logicalId);
    const runner = new LambdaRunner(
      {
        functionName: fn.name,
        assetDir: fn.assetDir,
        handler: fn.handler.raw,
        environment: localEnvironment(fn, graph, input.webhookBaseUrl, input.bodyLimit),
        timeoutSeconds: fn.timeoutSeconds,
        memorySizeMb: fn.memoryMb,
        ...(fn.reservedConcurrency !== undefined ? { reservedConcurrency: fn.reservedConcurrency } : {}),
        region: input.region,
        accountId: input.accountId,
        credentials: { accessKeyId, secretAccessKey: LOCAL_SECRET_ACCESS_KEY },
        endpointUrl: input.edgeUrl,
      },
      {
        clockOffsetMs: input.clockOffsetMs,
        ...(input.logSink ? { logSink: input.logSink } : {}),
        ...(input.cpuProfileDir !== undefined ? { cpuProfileDir: input.cpuProfileDir } : {}),
      },
    );
    const role = graph.roles.find((r) => (fn.roleLogicalId !== undefined && r.logicalId === fn.roleLogicalId) || (fn.roleArn !== undefined && r.arn === fn.roleArn));
    if (role) {
      edge.setCaller(accessKeyId, { functionName: fn.name, roleName: role.name, policies: role.policies.map((p) => p.document) });
    } else {
      warnings.push(`${fn.logicalId}: its role is not in the template, so its calls are not checked against IAM locally`);
    }
    functions.set(fn.logicalId, {
      node: fn,
      runner,
      accessKeyId,
      consumerName: fn.environment.HOOKBRIDGE_CONSUMER ?? fn.logicalId,
      ...(fn.environment.HOOKBRIDGE_SOURCE !== undefined ? { source: fn.environment.HOOKBRIDGE_SOURCE } : {}),
    });
  }
  return { functions, warnings };
}
