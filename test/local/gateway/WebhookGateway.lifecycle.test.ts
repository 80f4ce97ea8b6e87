import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError, GatewayListenError, PortInUseError, WebhookGateway } from '../../../local/gateway/index.js';
import { recordingRoute, send, startGateway, type StartedGateway } from '../../helpers/gateway/gatewayHarness.js';

describe('WebhookGateway — listening and routing over HTTP', () => {
  const running: StartedGateway[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((g) => g.close()));
  });
  const start = async (...args: Parameters<typeof startGateway>) => {
    const started = await startGateway(...args);
    running.push(started);
    return started;
  };

  it('listens on 127.0.0.1 and reports the actual port for port 0', async () => {
    // GIVEN / WHEN a gateway starts on port 0
    const started = await start({ routes: [] });
    // THEN it reports a real port and its URL
    expect(started.port).toBeGreaterThan(0);
    expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
    expect(started.gateway.address).toEqual({ url: started.url, host: '127.0.0.1', port: started.port, domainName: `127.0.0.1:${started.port}` });
  });

  it('routes ANY /webhooks/github before ANY /{proxy+} before $default', async () => {
    // GIVEN the three routes, each answering its route key
    const github = recordingRoute('ANY /webhooks/github');
    const proxy = recordingRoute('ANY /{proxy+}');
    const fallback = recordingRoute('$default');
    const started = await start({ routes: [fallback.route, proxy.route, github.route] });
    // WHEN three requests arrive
    const toGithub = await send(started.url, { method: 'POST', path: '/webhooks/github' });
    const toOther = await send(started.url, { method: 'POST', path: '/webhooks/gitlab' });
    const toRoot = await send(started.url, { path: '/' });
    // THEN each reached the most specific route, which the event names
    expect([toGithub.body.toString(), toOther.body.toString(), toRoot.body.toString()]).toEqual(['ANY /webhooks/github', 'ANY /{proxy+}', '$default']);
    expect(github.events[0]?.routeKey).toBe('ANY /webhooks/github');
    expect(proxy.events[0]).toMatchObject({ routeKey: 'ANY /{proxy+}', pathParameters: { proxy: 'webhooks/gitlab' } });
    expect(fallback.events[0]?.routeKey).toBe('$default');
    expect(fallback.events[0]).not.toHaveProperty('pathParameters');
  });

  it('fails if the port is in use, naming the port and the fix', async () => {
    // GIVEN a gateway holding a port
    const first = await start({ routes: [] });
    // WHEN a second gateway tries the same port
    const second = new WebhookGateway({ routes: [], host: '127.0.0.1', port: first.port });
    // THEN it fails with PortInUseError and a one-line message
    const error = await second.listen().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).message).toBe(
      `port ${first.port} on 127.0.0.1 is already in use: stop the process using it, or set PORT to another port (PORT=0 picks a free one)`,
    );
    expect((error as PortInUseError).port).toBe(first.port);
  });

  it('fails if the host is not a local address', async () => {
    // GIVEN a gateway asked to bind a TEST-NET address this machine does not have
    const gateway = new WebhookGateway({ routes: [], host: '192.0.2.1', port: 0 });
    // WHEN it listens / THEN GatewayListenError names the address and the fix
    await expect(gateway.listen()).rejects.toThrow(new GatewayListenError('192.0.2.1', 0, 'EADDRNOTAVAIL'));
    await expect(gateway.listen()).rejects.toThrow('cannot listen on 192.0.2.1:0 (EADDRNOTAVAIL): set HOST to a local address and PORT to a free port (PORT=0 picks one)');
  });

  it('fails if a route uses payload format 1.0', () => {
    // GIVEN / WHEN / THEN a 1.0 route is refused at construction
    expect(() => new WebhookGateway({ routes: [{ routeKey: '$default', payloadFormatVersion: '1.0', invoke: async () => null }] })).toThrow(
      new GatewayError(`route "$default" uses payload format 1.0; the local gateway emulates 2.0 only (set payloadFormatVersion: '2.0' on the integration)`),
    );
  });

  it('fails if a route key is invalid', () => {
    // GIVEN / WHEN / THEN
    expect(() => new WebhookGateway({ routes: [{ routeKey: 'ANY webhooks', invoke: async () => null }] })).toThrow('invalid route key "ANY webhooks": the path must start with "/"');
  });

  it('keeps connections alive between requests and closes them on close()', async () => {
    // GIVEN a gateway that answers with the client's port, and a keep-alive agent
    const gateway = new WebhookGateway({
      routes: [],
      host: '127.0.0.1',
      port: 0,
      extraHandlers: [{ method: 'GET', path: '/port', handle: (req) => ({ status: 200, body: String(req.socket.remotePort) }) }],
    });
    const { url } = await gateway.listen();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // WHEN two requests go through the agent
      const a = await send(url, { path: '/port', agent });
      const b = await send(url, { path: '/port', agent });
      // THEN they shared one connection
      expect(a.headers.connection).toBe('keep-alive');
      expect(b.body.toString()).toBe(a.body.toString());
      // AND close() does not wait for the idle keep-alive connection to time out
      const t0 = Date.now();
      await gateway.close();
      expect(Date.now() - t0).toBeLessThan(1000);
      await expect(send(url, { path: '/port' })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      agent.destroy();
      await gateway.close();
    }
  });

  it('closes promptly while a request is still waiting for its function', async () => {
    // GIVEN a gateway whose function never answers, and a request waiting on it
    let invoked: () => void = () => undefined;
    const called = new Promise<void>((resolve) => { invoked = resolve; });
    const gateway = new WebhookGateway({ routes: [{ routeKey: '$default', invoke: () => { invoked(); return new Promise(() => undefined); } }], host: '127.0.0.1', port: 0 });
    const { url } = await gateway.listen();
    const pending = send(url, { path: '/' }).catch((e: unknown) => e);
    await called;
    // WHEN the gateway closes
    const t0 = Date.now();
    await gateway.close();
    // THEN it did not wait for the request, whose connection was dropped
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('can listen again after close()', async () => {
    // GIVEN a gateway that was started and closed
    const gateway = new WebhookGateway({ routes: [recordingRoute('$default').route], host: '127.0.0.1', port: 0 });
    await gateway.listen();
    await gateway.close();
    // WHEN it listens again
    const { url } = await gateway.listen();
    // THEN it serves
    try {
      expect((await send(url, { path: '/' })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
