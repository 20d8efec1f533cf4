/**
 * A fetch-style handler (`(request: Request) => Promise<Response>`, the shape of a Worker, `Deno.serve` and
 * `Bun.serve`) served on node:http: each request is handed over as a fetch Request whose body streams (so the handler
 * decides how much of it to read), and each Response is written back as it is.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** A running server: its URL (with the port actually bound) and how to stop it. */
export interface FetchServer {
  readonly url: string;
  /** Stops accepting connections, ends idle ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Starts serving `handler` on `host:port` (`port` 0 picks a free one). */
export async function serveFetch(handler: (request: Request) => Promise<Response>, options: { host: string; port: number }): Promise<FetchServer> {
  const server = createServer((incoming, outgoing) => {
    void answer(handler, incoming, outgoing, options.host);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function answer(handler: (request: Request) => Promise<Response>, incoming: IncomingMessage, outgoing: ServerResponse, host: string): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const method = incoming.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const init: RequestInit & { duplex?: 'half' } = { method, headers };
    if (hasBody) {
      // The body streams: the handler reads what it needs and refuses an oversized one without it being buffered.
      init.body = Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
    const response = await handler(new Request(`http://${host}${incoming.url ?? '/'}`, init));
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
    if (hasBody && !incoming.readableEnded) incoming.destroy(); // what the handler did not read is not waited for
  } catch {
    // A handler that throws is a bug of the handler, not of the client: answer as a server would, without details.
    if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'application/x-amz-json-1.1' });
    outgoing.end('{"__type":"InternalErrorException","message":"An internal error occurred."}');
  }
}
