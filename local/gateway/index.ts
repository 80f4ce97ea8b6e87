export { buildEvent, collectHeaders, type EventInput, parseQueryString, splitTarget } from './buildEvent.js';
export {
  DEFAULT_API_ID,
  DEFAULT_GATEWAY_HOST,
  DEFAULT_GATEWAY_PORT,
  GATEWAY_RESPONSES,
  MAX_INTEGRATION_TIMEOUT_MS,
  MAX_PAYLOAD_BYTES,
  REQUEST_ID_HEADER,
} from './constants.js';
export {
  GatewayError,
  GatewayListenError,
  IntegrationTimeoutError,
  InvalidRouteKeyError,
  MalformedIntegrationResponseError,
  PayloadTooLargeError,
  PortInUseError,
} from './errors.js';
export { isTextContentType } from './isTextContentType.js';
export { mapIntegrationResponse } from './mapIntegrationResponse.js';
export { parseRouteKey, type ParsedRouteKey, type RouteSegment } from './parseRouteKey.js';
export { RouteTable, type RouteMatch } from './RouteTable.js';
export { WebhookGateway } from './WebhookGateway.js';
export type {
  ExtraHandler,
  ExtraHandlerResponse,
  GatewayAddress,
  GatewayErrorReport,
  GatewayResponse,
  GatewayRoute,
  HttpApiEventV2,
  HttpApiRequestContextV2,
  WebhookGatewayOptions,
} from './types.js';
