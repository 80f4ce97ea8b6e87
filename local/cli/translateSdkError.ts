import { describeNetworkError } from './describeNetworkError.js';
import { CliError, RemoteError } from './errors.js';
import type { Target } from './target.js';

/** One-line message for an SDK failure, naming what to do; used by every command that calls AWS. */
export function translateSdkError(error: unknown, action: string, target: Target): CliError {
  const network = describeNetworkError(error);
  if (network !== undefined) {
    const where = target.kind === 'local' ? `the local edge at ${target.endpoints.edgeUrl}` : 'AWS';
    const fix = target.kind === 'local' ? 'is `hookbridge local` running?' : 'check your network and AWS_REGION';
    return new RemoteError(`cannot ${action}: ${where} did not answer (${network}); ${fix}`, { cause: error });
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  if (name === 'CredentialsProviderError') {
    return new RemoteError(`cannot ${action}: no AWS credentials (${message}); configure them (aws configure, AWS_PROFILE) or pass the value as a flag`, { cause: error });
  }
  if (name === 'ResourceNotFoundException' || name === 'QueueDoesNotExist' || name === 'AWS.SimpleQueueService.NonExistentQueue') {
    return new RemoteError(`cannot ${action}: it does not exist (${message}); is the outputs file current?`, { cause: error });
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return new RemoteError(`cannot ${action}: access denied (${message}); use credentials allowed to do it`, { cause: error });
  }
  return new RemoteError(`cannot ${action}: ${name}: ${message}`, { cause: error });
}
