import { DEFAULT_ROUTE_KEY, ROUTE_METHODS } from './constants.js';
import { InvalidRouteKeyError } from './errors.js';

/** One segment of a route path. */
export type RouteSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parsed route key. */
export type ParsedRouteKey =
  | { readonly kind: 'default'; readonly routeKey: string }
  | { readonly kind: 'route'; readonly routeKey: string; readonly method: string; readonly segments: readonly RouteSegment[] };

const VARIABLE = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;

/**
 * Parses an HTTP API route key: `$default`, or `METHOD /path` where a path segment may be a
 * `{name}` variable and the last one a greedy `{name+}` variable.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 * @throws InvalidRouteKeyError for a key HTTP API would reject
 */
export const parseRouteKey = (routeKey: string): ParsedRouteKey => {
  if (routeKey === DEFAULT_ROUTE_KEY) return { kind: 'default', routeKey };
  const space = routeKey.indexOf(' ');
  if (space === -1) throw new InvalidRouteKeyError(routeKey, 'expected "$default" or "METHOD /path"');
  const method = routeKey.slice(0, space);
  const path = routeKey.slice(space + 1);
  if (!ROUTE_METHODS.has(method)) {
    throw new InvalidRouteKeyError(routeKey, `method must be one of ${[...ROUTE_METHODS].join(', ')} (given ${method})`);
  }
  if (!path.startsWith('/')) throw new InvalidRouteKeyError(routeKey, 'the path must start with "/"');
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const segments = parts.map((part, index): RouteSegment => {
    if (part === '') throw new InvalidRouteKeyError(routeKey, 'the path has an empty segment');
    const variable = VARIABLE.exec(part);
    if (!variable) {
      if (part.includes('{') || part.includes('}')) throw new InvalidRouteKeyError(routeKey, `segment "${part}" must be a whole {variable} or contain no braces`);
      return { kind: 'literal', value: part };
    }
    const [, name = '', greedy] = variable;
    if (!greedy) return { kind: 'variable', name };
    if (index !== parts.length - 1) throw new InvalidRouteKeyError(routeKey, 'a greedy path variable must be the last segment');
    return { kind: 'greedy', name };
  });
  const names = segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new InvalidRouteKeyError(routeKey, `path variable {${duplicate}} appears twice`);
  return { kind: 'route', routeKey, method, segments };
};
