import type { IncomingHttpHeaders } from 'node:http';
import { startHttpServer, type LocalServer } from './listen.js';

/** One request a recording server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An HTTP endpoint standing in for a downstream system; answers `status` (default 200). */
export interface RecordingServer extends LocalServer {
  readonly requests: RecordedRequest[];
  status: number;
}

export const startRecordingServer = async (): Promise<RecordingServer> => {
  const requests: RecordedRequest[] = [];
  const state = { status: 200 };
  const server = await startHttpServer((req, res, body) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: body.toString('utf8') });
    res.statusCode = state.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: state.status < 300 }));
  });
  return {
    ...server,
    requests,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
  };
};
