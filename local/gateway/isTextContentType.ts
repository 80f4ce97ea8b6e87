const TEXT_APPLICATION_TYPES: ReadonlySet<string> = new Set(['application/json', 'application/xml', 'application/javascript']);

/**
 * Whether HTTP API hands a body with this content type to the function as a UTF-8 string
 * (`isBase64Encoded: false`) rather than base64.
 *
 * The AWS guide only says a binary body is base64-encoded; measured on a real HTTP API (payload
 * 2.0), only `text/*`, `application/json`, `application/xml` and `application/javascript` arrive
 * as strings — a missing content type and `application/x-www-form-urlencoded` arrive base64.
 * Media-type parameters (`; charset=utf-8`) are ignored.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * @see https://github.com/ministackorg/ministack/pull/766 (the measurement)
 */
export const isTextContentType = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType.startsWith('text/') || TEXT_APPLICATION_TYPES.has(mediaType);
};
