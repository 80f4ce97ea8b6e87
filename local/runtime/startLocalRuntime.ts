import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { writeLocalEndpoints, type LocalEndpoints } from '../cli/endpoints.js';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EdgeListenError, EdgeServer, startDynalite, type RunningDynalite, type ServiceHandler } from '../edge/index.js';
import { WebhookGateway, type ExtraHandler, type GatewayRoute, type HttpApiEventV2 } from '../gateway/index.js';
import { clockOffsetFromNowOverride } from '../lambda/index.js';
import { SqsPoller } from '../pollers/index.js';
import { EventBridgeService } from '../services/eventbridge/index.js';
import { S3Service } from '../services/s3/index.js';
import { SecretsService } from '../services/secrets/index.js';
import { SqsService } from '../services/sqs/index.js';
import { buildGraph, loadCloudAssembly, LOCAL_ACCOUNT_ID, LOCAL_REGION, resolveTemplate, type ResolveContext } from '../template/index.js';
import { applyFault, parseFaultRequest } from './applyFault.js';
import { FAULTS_PATH, READY_LINE_PREFIX, SHUTDOWN_GRACE_MS, STATE_PATH } from './constants.js';
import { createTables } from './createTables.js';
import { eventsEdgeHandler, s3EdgeHandler, secretsEdgeHandler, sqsEdgeHandler } from './edgeHandlers.js';
import { FunctionInvocationError, InvalidFaultRequestError, PortInUseError } from './errors.js';
import { inspectionState, SourceCounters } from './inspectionState.js';
import { Persistence } from './Persistence.js';
import { inventoryLine, routeLines, secretLines } from './printLines.js';
import { reservePort } from './reservePort.js';
import { setupFunctions, type RunningFunction } from './setupFunctions.js';
import { setupEventBridge, setupQueues } from './setupMessaging.js';
import { setupSecrets } from './setupSecrets.js';
import { SqsQueuePortAdapter } from './SqsQueuePortAdapter.js';
import { synthesize } from './synthesize.js';
import type { LocalRuntime, LocalRuntimeOptions, LocalSettings, ReadyInfo, RuntimeIo } from './types.js';

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const statusOf = (payload: unknown): number =>
  typeof payload === 'object' && payload !== null && typeof (payload as { statusCode?: unknown }).statusCode === 'number'
    ? (payload as { statusCode: number }).statusCode
    : 200;

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}

/**
 * Starts the local runtime: synthesizes the CDK app (or reuses a fresh `cdk.out`), interprets its
 * template, and runs it on this machine — the AWS edge (SQS, EventBridge, Secrets Manager, S3,
 * DynamoDB through dynalite) with IAM enforced per function, one Lambda runner per function, one
 * poller per SQS event source mapping, and the webhook gateway with the HTTP API's routes plus
 * `GET /_local/state` and `POST /_local/faults`.
 *
 * The webhook port listens only when everything is ready; then the route URLs, generated secrets,
 * the not-emulated inventory and one `HOOKBRIDGE_READY {...}` line are printed through `io.log`, and
 * the outputs file (`cdk deploy --outputs-file` form, local values) and the local endpoints file
 * are written. With `stateDir`, SQS, Secrets Manager and S3 are journaled (an EventBridge delivery
 * to SQS is durable before PutEvents answers) and DynamoDB lives under `<stateDir>/dynamodb`.
 *
 * @example
 * const runtime = await startLocalRuntime(settings, { log: console.log });
 * process.once('SIGINT', () => void runtime.close());
 *
 * @throws PortInUseError, SynthesisError, TemplateError (e.g. UnsupportedResourceError), BundleNotFoundError,
 *   ResourceSetupError, StateDirLockedError — each with a one-line message naming the problem and the fix
 */
export async function startLocalRuntime(settings: LocalSettings, io: RuntimeIo, options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const started = performance.now();
  const startedAt = new Date();
  const host = settings.host;
  const region = process.env.AWS_REGION ?? LOCAL_REGION;
  const accountId = LOCAL_ACCOUNT_ID;
  const onError = options.onError ?? ((line: string) => io.log(line));
  const cleanup: Array<() => Promise<void> | void> = [];
  const unwind = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) await Promise.resolve(step()).catch(() => undefined);
  };

  try {
    const webhookPort = await reservePort(host, settings.port, 'the webhook port', 'PORT');
    cleanup.push(() => webhookPort.release());
    const edgePort = await reservePort(host, settings.edgePort, 'the AWS edge', 'EDGE_PORT');
    cleanup.push(() => edgePort.release());
    const edgeUrl = `http://${host}:${edgePort.port}`;
    const webhookBaseUrl = `http://${host}:${webhookPort.port}`;

    const { cdkOut } = await synthesize(settings);
    const stack = loadCloudAssembly(cdkOut, settings.stack);
    const context: ResolveContext = { region, accountId, edgeUrl, webhookBaseUrl, stackName: stack.stackName };
    const graph = buildGraph(resolveTemplate(stack.template, context), stack);

    const persistence = await Persistence.open(settings.stateDir);
    cleanup.push(() => persistence.close());
    const sqs = new SqsService({ baseUrl: edgeUrl, region, accountId });
    cleanup.push(() => sqs.close());
    const secrets = new SecretsService({ region, accountId, onMutation: (m) => persistence.secretsHook(m) });
    const s3 = new S3Service({ region, onMutation: (m) => persistence.s3Hook(m) });
    const events = new EventBridgeService({
      region,
      accountId,
      onArchived: (m) => persistence.eventsHook(m),
      // The delivery is durable before PutEvents answers, so a webhook acknowledged after it survives a SIGKILL.
      deliver: async (targetArn, body) => {
        sqs.sendMessage(targetArn, body);
        await persistence.whenDurable();
      },
    });

    const services = { sqs, secrets, s3, events };
    persistence.restore(services);
    const recovered = persistence.recoveredSummary();

    const dynalite: RunningDynalite = await startDynalite({ host, ...(settings.stateDir !== undefined ? { path: join(settings.stateDir, 'dynamodb') } : {}) });
    cleanup.push(() => dynalite.close());
    const notes = await createTables(dynalite.url, region, graph.tables);
    setupQueues(sqs, graph);
    notes.push(...(await setupEventBridge(events, graph)));
    persistence.restoreArchives(events);
    const sourceSecrets = setupSecrets(secrets, graph, settings.secrets);
    for (const bucket of graph.buckets) if (!s3.hasBucket(bucket.name)) s3.createBucket(bucket.name);
    persistence.attach(services);
    await persistence.checkpoint(services);

    const edge = new EdgeServer({ host, port: edgePort.port, region, accountId, resolveSecretArn: (id) => secrets.resolveArn(id) });
    const durable = (handler: ServiceHandler): ServiceHandler =>
      persistence.enabled
        ? async (request, body) => {
            const answer = await handler(request, body);
            await persistence.whenDurable();
            return answer;
          }
        : handler;
    edge
      .register('sqs', durable(sqsEdgeHandler(sqs)))
      .register('events', durable(eventsEdgeHandler(events)))
      .register('secretsmanager', durable(secretsEdgeHandler(secrets)))
      .register('s3', durable(s3EdgeHandler(s3)))
      .register('dynamodb', dynalite.handle);

    const clockOffsetMs = settings.now === undefined ? 0 : clockOffsetFromNowOverride(settings.now);
    const { functions, warnings } = setupFunctions({
      graph,
      edge,
      edgeUrl,
      webhookBaseUrl,
      region,
      accountId,
      clockOffsetMs,
      ...(settings.bodyLimit !== undefined ? { bodyLimit: settings.bodyLimit } : {}),
      ...(settings.cpuProfDir !== undefined ? { cpuProfileDir: settings.cpuProfDir } : {}),
      ...(options.logSink ? { logSink: options.logSink } : {}),
    });
    notes.push(...warnings);
    if (settings.cpuProfDir !== undefined) notes.push(`CPU profiles of the function environments (from their first invocation) are written to ${settings.cpuProfDir} on stop`);
    cleanup.push(() => Promise.all([...functions.values()].map((f) => f.runner.shutdown(SHUTDOWN_GRACE_MS))).then(() => undefined));

    await edgePort.release();
    try {
      await edge.listen();
    } catch (error) {
      if (error instanceof EdgeListenError) throw new PortInUseError('the AWS edge', host, edgePort.port, 'EDGE_PORT', { cause: error });
      throw error;
    }
    cleanup.push(() => edge.close());

    const queuePort = new SqsQueuePortAdapter(sqs);
    const pollers: { functionLogicalId: string; poller: SqsPoller }[] = [];
    for (const mapping of graph.eventSourceMappings) {
      const fn = functions.get(mapping.functionLogicalId);
      if (!fn) {
        notes.push(`${mapping.logicalId}: function ${mapping.functionName} does not run locally, so the mapping is not polled`);
        continue;
      }
      if (mapping.filterPatterns.length > 0) notes.push(`${mapping.logicalId}: FilterCriteria are not applied locally (every message is delivered)`);
      const poller = new SqsPoller(
        {
          id: mapping.logicalId,
          queueArn: mapping.queueArn,
          functionName: fn.node.name,
          batchSize: mapping.batchSize,
          maximumBatchingWindowInSeconds: mapping.maximumBatchingWindowSeconds,
          ...(mapping.maximumConcurrency !== undefined ? { maximumConcurrency: mapping.maximumConcurrency } : {}),
          reportBatchItemFailures: mapping.reportBatchItemFailures,
          enabled: mapping.enabled,
          region,
        },
        queuePort,
        (event) => fn.runner.invoke(event),
        { onError: (error) => onError(`${mapping.logicalId}: ${error.message}`) },
      );
      pollers.push({ functionLogicalId: fn.node.logicalId, poller });
    }
    cleanup.push(() => Promise.all(pollers.map(({ poller }) => poller.stop(SHUTDOWN_GRACE_MS))).then(() => undefined));
    for (const { poller } of pollers) poller.start();

    const sourceCounters = new SourceCounters();
    let putEventsFailingUntil = 0;
    const routes: GatewayRoute[] = [];
    for (const route of graph.httpApis.flatMap((api) => api.routes)) {
      const fn = functions.get(route.functionLogicalId);
      if (!fn) {
        notes.push(`${route.logicalId}: route ${route.routeKey} targets a function that does not run locally; it is not served`);
        continue;
      }
      routes.push({ routeKey: route.routeKey, timeoutMs: route.timeoutMs, payloadFormatVersion: route.payloadFormatVersion, invoke: routeInvoker(fn, sourceCounters) });
    }
    const extraHandlers: ExtraHandler[] = [
      {
        method: 'GET',
        path: STATE_PATH,
        handle: () =>
          json(200, inspectionState({ graph, sqs, events, faults: edge.faults, functions, pollers, sourceCounters, startedAt, putEventsFailingUntil: () => putEventsFailingUntil })),
      },
      {
        method: 'POST',
        path: FAULTS_PATH,
        handle: (_request, body) => {
          try {
            const fault = parseFaultRequest(body.toString('utf8'));
            applyFault(fault, edge.faults, events);
            if (fault.service === 'events') putEventsFailingUntil = fault.action === 'fail' ? Date.now() + fault.ms : 0;
            return json(200, { applied: fault, faults: edge.faults.list() });
          } catch (error) {
            if (error instanceof InvalidFaultRequestError) return json(400, { error: 'invalid_fault', message: error.message });
            throw error;
          }
        },
      },
    ];
    const gateway = new WebhookGateway({
      routes,
      extraHandlers,
      host,
      port: webhookPort.port,
      accountId,
      ...(settings.bodyLimit !== undefined && settings.bodyLimit > 10 * 1024 * 1024 ? { maxPayloadBytes: settings.bodyLimit } : {}),
      onError: (report) => onError(`${report.routeKey}: answered ${report.status} (${report.error instanceof Error ? report.error.message : String(report.error)})`),
    });
    await webhookPort.release();
    await gateway.listen();
    cleanup.push(() => gateway.close());

    const stateUrl = `${webhookBaseUrl}${STATE_PATH}`;
    const endpoints: LocalEndpoints & { readonly stateUrl: string } = {
      edgeUrl,
      webhookBaseUrl: `${webhookBaseUrl}/`,
      inspectionUrl: stateUrl,
      stateUrl,
      region,
      cdkOut,
      stackName: graph.stackName,
    };
    writeJson(settings.outputsFile, graph.outputs);
    writeLocalEndpoints(settings.outputsFile, endpoints);

    if (recovered) io.log(recovered);
    for (const line of routeLines(graph, functions, webhookBaseUrl)) io.log(line);
    for (const line of secretLines(sourceSecrets)) io.log(line);
    const inventory = inventoryLine(graph.inventory.notEmulated);
    if (inventory) io.log(inventory);
    for (const line of [...graph.warnings, ...notes]) io.log(`note: ${line}`);
    const ready: ReadyInfo = { port: webhookPort.port, edgePort: edgePort.port, outputsFile: settings.outputsFile, localFile: settings.endpointsFile };
    io.log(`${READY_LINE_PREFIX} ${JSON.stringify(ready)}`);

    let closing: Promise<void> | undefined;
    return {
      webhookBaseUrl,
      edgeUrl,
      port: webhookPort.port,
      edgePort: edgePort.port,
      stackName: graph.stackName,
      outputs: graph.outputs,
      startupMs: Math.round(performance.now() - started),
      close: () => (closing ??= unwind()),
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/** A route's integration: invokes the function, rejects on a function error (the gateway answers 500). */
function routeInvoker(fn: RunningFunction, counters: SourceCounters): (event: HttpApiEventV2) => Promise<unknown> {
  return async (event) => {
    const result = await fn.runner.invoke(event);
    if (result.status === 'error') {
      if (fn.source !== undefined) counters.record(fn.source, undefined);
      throw new FunctionInvocationError(fn.node.name, result.error.errorType, result.error.errorMessage);
    }
    if (fn.source !== undefined) counters.record(fn.source, statusOf(result.payload));
    return result.payload;
  };
}
