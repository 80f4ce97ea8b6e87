import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ErrorCode } from './errors.js';
import { errorAnswer } from './http.js';

/**
 * Answers every request no source route takes (the HTTP API's `$default` route) with
 * `404 unknown_source`. It reads nothing from the request, so it cannot leak anything or be
 * made to do work.
 */
export async function handler(_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return errorAnswer(404, ErrorCode.UnknownSource, 'no webhook source is configured at this path');
}
