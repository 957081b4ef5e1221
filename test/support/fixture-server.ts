import { createServer } from 'node:http';

/** A local web server for fixture pages. */
export interface FixtureServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves each page of `pages` (path → HTML) on 127.0.0.1, a port of the OS's choosing. */
export async function serveFixtures(pages: Readonly<Record<string, string>>): Promise<FixtureServer> {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fixture server has no port');
  return {
    origin: `http://127.0.0.1:${String(address.port)}`,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
