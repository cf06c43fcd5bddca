// One loopback server for every vendor's sandbox: examples, the CLI demo and benchmarks talk to a fake
// over real sockets, exactly as they would to the vendor.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running loopback server; `url` is the API URL to configure the connector with. */
export interface SandboxServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fake API's fetch handler over node:http on loopback (an ephemeral port unless `port` is given).
 *
 * @example
 * const server = await listenFakeApi(sandbox.handle, '/api/v3', {});
 * createSynnexConnector({ apiUrl: server.url, allowInsecureLoopback: true, ... });
 * await server.close();
 */
export async function listenFakeApi(
  handle: (request: Request) => Promise<Response>,
  basePath: string,
  o: { port?: number; host?: string },
): Promise<SandboxServer> {
  const host = o.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const method = req.method ?? 'GET';
    const request = new Request(`http://${host}${req.url ?? '/'}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    });
    const response = await handle(request);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${port}${basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
