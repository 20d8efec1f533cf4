/**
 * Node only: the pool's `fetch` handler served by node:http on loopback, as `cognito-kit serve` will serve it. Each
 * request becomes a fetch Request (its body streamed, so the body limit applies as it arrives) and each Response is
 * written back with its status and headers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** A running server and the URL it answers at. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

function toRequest(message: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : null;
  return new Request(new URL(message.url ?? '/', origin), { method, headers, body, ...(hasBody ? { duplex: 'half' as const } : {}) });
}

/**
 * Serves `handler` on 127.0.0.1 at a free port.
 *
 * @example
 * ```ts
 * const served = await serve((request) => pools.fetch(request));
 * await served.close();
 * ```
 */
export async function serve(handler: (request: Request) => Promise<Response>): Promise<Served> {
  let origin = '';
  const server: Server = createServer((message, out) => {
    void (async () => {
      const response = await handler(toRequest(message, origin));
      const headers = Object.fromEntries(response.headers);
      // A body the handler did not read to its end (one over the limit) leaves the socket mid-request: not reused.
      if (!message.complete) headers.connection = 'close';
      out.writeHead(response.status, headers);
      out.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      out.writeHead(500);
      out.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() for seconds
      }),
  };
}
