export { main, processContext, COMMANDS } from './main.js';
export { parseLocalSettings, LOCAL_FLAG_ENV, type LocalSettings } from './settings.js';
export { readSecretsFile, type WebhookSecrets } from './readSecretsFile.js';
export { readOutputsFile, StackOutputs, type ConsumerQueues } from './outputs.js';
export { OutputKey, pascal, kebab } from './outputKeys.js';
export { localEndpointsFileFor, readLocalEndpoints, writeLocalEndpoints, type LocalEndpoints } from './endpoints.js';
export { resolveTarget, sdkClientConfig, regionOf, type Target, type SdkClientConfig } from './target.js';
export { AssemblyError, CliError, OutputsError, RemoteError, SettingsError, UsageError } from './errors.js';
export type { CliIo, Command, CommandContext, LocalRuntimeHandle, StartLocalRuntime } from './types.js';
