import { Logger } from '@aws-lambda-powertools/logger';

let shared: Logger | undefined;

/**
 * The process-wide Powertools Logger, created on first use.
 *
 * Service name and level come from `POWERTOOLS_SERVICE_NAME` / `POWERTOOLS_LOG_LEVEL`. Callers
 * must never log request bodies or secret values: only ids, sizes, codes and error names.
 */
export function getLogger(): Logger {
  shared ??= new Logger();
  return shared;
}
