/** Base error of the local webhook gateway. */
export class GatewayError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GatewayError';
  }
}

/** The gateway's port is taken by another process. */
export class PortInUseError extends GatewayError {
  public readonly host: string;
  public readonly port: number;

  public constructor(host: string, port: number, options?: ErrorOptions) {
    super(`port ${port} on ${host} is already in use: stop the process using it, or set PORT to another port (PORT=0 picks a free one)`, options);
    this.name = 'PortInUseError';
    this.host = host;
    this.port = port;
  }
}

/** The gateway could not listen for another reason than a taken port (e.g. EACCES, an unknown host). */
export class GatewayListenError extends GatewayError {
  public readonly host: string;
  public readonly port: number;

  public constructor(host: string, port: number, reason: string, options?: ErrorOptions) {
    super(`cannot listen on ${host}:${port} (${reason}): set HOST to a local address and PORT to a free port (PORT=0 picks one)`, options);
    this.name = 'GatewayListenError';
    this.host = host;
    this.port = port;
  }
}

/** A route key HTTP API would not accept. */
export class InvalidRouteKeyError extends GatewayError {
  public readonly routeKey: string;

  public constructor(routeKey: string, problem: string) {
    super(`invalid route key "${routeKey}": ${problem}`);
    this.name = 'InvalidRouteKeyError';
    this.routeKey = routeKey;
  }
}

/** The function's answer is not a payload format 2.0 response; API Gateway answers 500. */
export class MalformedIntegrationResponseError extends GatewayError {
  public constructor(problem: string) {
    super(`malformed Lambda proxy response: ${problem}`);
    this.name = 'MalformedIntegrationResponseError';
  }
}

/** The integration did not answer within its timeout; API Gateway answers 503. */
export class IntegrationTimeoutError extends GatewayError {
  public readonly timeoutMs: number;

  public constructor(routeKey: string, timeoutMs: number) {
    super(`the integration of route "${routeKey}" did not answer within ${timeoutMs} ms`);
    this.name = 'IntegrationTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The request body is larger than HTTP API's payload limit; API Gateway answers 413. */
export class PayloadTooLargeError extends GatewayError {
  public readonly limitBytes: number;

  public constructor(limitBytes: number) {
    super(`request payload exceeds ${limitBytes} bytes`);
    this.name = 'PayloadTooLargeError';
    this.limitBytes = limitBytes;
  }
}
