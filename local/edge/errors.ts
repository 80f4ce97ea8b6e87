/** Base error of the edge. */
export class EdgeError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EdgeError';
  }
}

/** The edge (or the dynalite it starts) could not listen. */
export class EdgeListenError extends EdgeError {
  public readonly host: string;
  public readonly port: number;

  public constructor(host: string, port: number, options?: ErrorOptions) {
    super(`cannot listen on ${host}:${port} (is the port in use? set EDGE_PORT to a free port, or 0 for any)`, options);
    this.name = 'EdgeListenError';
    this.host = host;
    this.port = port;
  }
}
