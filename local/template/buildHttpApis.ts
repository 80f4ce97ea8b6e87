import { DEFAULTS } from './constants.js';
import { TemplateError, UnsupportedResourceError } from './errors.js';
import { Props } from './props.js';
import type { ResourceIndex } from './ResourceIndex.js';
import type { HttpApiNode, HttpRouteNode, ResolvedResource } from './types.js';

/** `arn:…:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations` → the function ARN. */
function functionArnOf(uri: string): string {
  const match = /:apigateway:[^:]*:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri);
  return match === null ? uri : match[1]!;
}

function buildRoute(route: ResolvedResource, index: ResourceIndex, warnings: string[]): HttpRouteNode | undefined {
  const props = new Props(route);
  const { logicalId, type } = route;
  const routeKey = props.string('RouteKey');
  const authorization = props.optionalString('AuthorizationType') ?? 'NONE';
  if (authorization !== 'NONE') {
    throw new UnsupportedResourceError(logicalId, type, `route ${routeKey} uses ${authorization} authorization, which is not enforced locally`, 'verify requests in the function');
  }
  const target = props.optionalString('Target');
  if (target === undefined) {
    warnings.push(`${logicalId} (${type}): route ${routeKey} has no target; it is not served`);
    return undefined;
  }
  const integration = index.find(target.replace(/^integrations\//, ''), 'AWS::ApiGatewayV2::Integration');
  if (integration === undefined) throw new TemplateError(`${logicalId} (${type}): target ${target} is not an integration of the stack`);
  const integrationProps = new Props(integration);
  const integrationType = integrationProps.string('IntegrationType');
  const uri = integrationProps.optionalString('IntegrationUri') ?? '';
  const fn = integrationType === 'AWS_PROXY' ? index.findFunction(functionArnOf(uri)) : undefined;
  if (fn === undefined) {
    throw new UnsupportedResourceError(
      integration.logicalId,
      integration.type,
      `only Lambda proxy integrations with a function of the stack are served locally (got ${integrationType} ${uri})`,
      'integrate the route with a Lambda function of the stack',
    );
  }
  const space = routeKey.indexOf(' ');
  return {
    logicalId,
    routeKey,
    ...(space === -1 ? {} : { method: routeKey.slice(0, space).toUpperCase(), path: routeKey.slice(space + 1) }),
    integrationLogicalId: integration.logicalId,
    functionArn: fn.identity.arn!,
    functionLogicalId: fn.logicalId,
    payloadFormatVersion: integrationProps.optionalString('PayloadFormatVersion') ?? DEFAULTS.httpApiPayloadFormatVersion,
    timeoutMs: integrationProps.number('TimeoutInMillis', DEFAULTS.httpApiIntegrationTimeoutMs),
  };
}

/** Every HTTP API (`AWS::ApiGatewayV2::Api` with protocol HTTP) with its Lambda proxy routes. */
export function buildHttpApis(index: ResourceIndex, warnings: string[]): HttpApiNode[] {
  const routes = index.ofType('AWS::ApiGatewayV2::Route');
  return index.ofType('AWS::ApiGatewayV2::Api').map((api) => {
    const props = new Props(api);
    const protocol = props.optionalString('ProtocolType') ?? 'HTTP';
    if (protocol !== 'HTTP') {
      throw new UnsupportedResourceError(api.logicalId, api.type, `${protocol} APIs are not served locally`, 'use an HTTP API');
    }
    if (props.raw.Body !== undefined || props.raw.BodyS3Location !== undefined || props.raw.Target !== undefined) {
      throw new UnsupportedResourceError(
        api.logicalId,
        api.type,
        'APIs defined by an OpenAPI body or quick-create Target are not served locally',
        'declare routes and integrations as resources (HttpApi.addRoutes)',
      );
    }
    const apiRoutes = routes
      .filter((route) => route.properties.ApiId === api.identity.ref)
      .map((route) => buildRoute(route, index, warnings))
      .filter((route): route is HttpRouteNode => route !== undefined);
    return {
      logicalId: api.logicalId,
      apiId: api.identity.ref,
      name: api.identity.name ?? api.logicalId,
      endpoint: String(api.identity.attributes.ApiEndpoint),
      routes: apiRoutes,
    };
  });
}
