import { describe, expect, it } from 'vitest';
import { InvalidRouteKeyError, RouteTable, parseRouteKey } from '../../../local/gateway/index.js';

const table = (...routeKeys: string[]): RouteTable<string> => new RouteTable(routeKeys.map((routeKey) => ({ routeKey, target: routeKey })));

describe('RouteTable', () => {
  describe('the AWS guide example (GET /pets/dog/1, GET /pets/dog/{id}, GET /pets/{proxy+}, ANY /{proxy+}, $default)', () => {
    // GIVEN the routes of the guide's "Routing API requests" example
    const routes = table('GET /pets/dog/1', 'GET /pets/dog/{id}', 'GET /pets/{proxy+}', 'ANY /{proxy+}', '$default');

    it.each([
      ['GET', '/pets/dog/1', 'GET /pets/dog/1'],
      ['GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
      ['GET', '/pets/cat/1', 'GET /pets/{proxy+}'],
      ['POST', '/test/5', 'ANY /{proxy+}'],
      ['POST', '/pets/dog/1', 'ANY /{proxy+}'],
    ])('selects for %s %s the route %s', (method, path, expected) => {
      // WHEN the request is routed
      const match = routes.select(method, path);
      // THEN the most specific route wins, as in the guide's table
      expect(match?.routeKey).toBe(expected);
    });
  });

  it('prefers ANY /webhooks/github over ANY /{proxy+} over $default', () => {
    // GIVEN the webhook routes of the stack, declared least specific first
    const routes = table('$default', 'ANY /{proxy+}', 'ANY /webhooks/github');
    // WHEN three requests are routed
    // THEN each takes the most specific route that matches it
    expect(routes.select('POST', '/webhooks/github')?.routeKey).toBe('ANY /webhooks/github');
    expect(routes.select('POST', '/webhooks/gitlab')?.routeKey).toBe('ANY /{proxy+}');
    expect(routes.select('GET', '/')?.routeKey).toBe('$default');
  });

  it('prefers a route naming the method over ANY on the same path', () => {
    // GIVEN the same path under ANY and POST
    const routes = table('ANY /x', 'POST /x');
    // WHEN POST and GET are routed
    // THEN POST takes its own route, GET falls to ANY
    expect(routes.select('POST', '/x')?.routeKey).toBe('POST /x');
    expect(routes.select('GET', '/x')?.routeKey).toBe('ANY /x');
  });

  it('prefers a longer greedy prefix over a shorter one', () => {
    // GIVEN two greedy routes, one refining the other
    const routes = table('ANY /api/{proxy+}', 'ANY /api/v1/{proxy+}');
    // WHEN requests under each are routed
    // THEN the longer literal prefix wins
    expect(routes.select('GET', '/api/v1/users')?.routeKey).toBe('ANY /api/v1/{proxy+}');
    expect(routes.select('GET', '/api/v2/users')?.routeKey).toBe('ANY /api/{proxy+}');
  });

  it('passes decoded path variables, the greedy one holding the rest of the path', () => {
    // GIVEN routes with a variable and a greedy variable
    const routes = table('GET /users/{id}/files/{path+}');
    // WHEN a request with encoded characters is routed
    const match = routes.select('GET', '/users/a%20b/files/docs/r%C3%A9sum%C3%A9.pdf');
    // THEN the variables are decoded
    expect(match?.pathParameters).toEqual({ id: 'a b', path: 'docs/résumé.pdf' });
  });

  it('leaves pathParameters out for a route without variables and for $default', () => {
    // GIVEN a static route and $default
    const routes = table('POST /x', '$default');
    // WHEN both are selected
    // THEN neither carries pathParameters
    expect(routes.select('POST', '/x')).not.toHaveProperty('pathParameters');
    expect(routes.select('GET', '/y')).not.toHaveProperty('pathParameters');
  });

  it('does not let a greedy variable match its bare prefix', () => {
    // GIVEN only a greedy route
    const routes = table('ANY /webhooks/{proxy+}');
    // WHEN the prefix itself and the root are requested
    // THEN nothing matches (API Gateway answers 404)
    expect(routes.select('POST', '/webhooks')).toBeUndefined();
    expect(routes.select('POST', '/webhooks/')).toBeUndefined();
    expect(routes.select('POST', '/')).toBeUndefined();
  });

  it('matches literal segments case-sensitively and whole segments only', () => {
    // GIVEN a static route
    const routes = table('POST /webhooks/github');
    // WHEN near misses are requested
    // THEN none matches
    expect(routes.select('POST', '/Webhooks/github')).toBeUndefined();
    expect(routes.select('POST', '/webhooks/github/x')).toBeUndefined();
    expect(routes.select('POST', '/webhooks/githubx')).toBeUndefined();
  });

  it('fails if a route key appears twice', () => {
    // GIVEN / WHEN / THEN a duplicate key is rejected
    expect(() => table('POST /x', 'POST /x')).toThrow(new InvalidRouteKeyError('POST /x', 'the route key appears twice'));
  });
});

describe('parseRouteKey', () => {
  it.each([
    ['/x', 'expected "$default" or "METHOD /path"'],
    ['FETCH /x', 'method must be one of ANY, GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (given FETCH)'],
    ['GET x', 'the path must start with "/"'],
    ['GET /{proxy+}/x', 'a greedy path variable must be the last segment'],
    ['GET /a//b', 'the path has an empty segment'],
    ['GET /a{b}', 'segment "a{b}" must be a whole {variable} or contain no braces'],
    ['GET /{id}/{id}', 'path variable {id} appears twice'],
  ])('fails if the route key is %s', (routeKey, problem) => {
    // GIVEN an invalid route key / WHEN it is parsed / THEN the problem is named
    expect(() => parseRouteKey(routeKey)).toThrow(`invalid route key "${routeKey}": ${problem}`);
  });

  it('parses the root path, variables and a greedy variable', () => {
    // GIVEN / WHEN keys are parsed / THEN their segments are typed
    expect(parseRouteKey('GET /')).toEqual({ kind: 'route', routeKey: 'GET /', method: 'GET', segments: [] });
    expect(parseRouteKey('ANY /a/{b}/{c+}')).toEqual({
      kind: 'route',
      routeKey: 'ANY /a/{b}/{c+}',
      method: 'ANY',
      segments: [{ kind: 'literal', value: 'a' }, { kind: 'variable', name: 'b' }, { kind: 'greedy', name: 'c' }],
    });
  });
});
