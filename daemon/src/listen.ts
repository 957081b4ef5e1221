import type { Server } from 'node:http';

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Listens on 127.0.0.1 and, when the machine has IPv6 loopback, on [::1] with the same port (clients that resolve
 * `localhost` to ::1 then reach the daemon too). Only the IPv4 listener is required; its errors are thrown.
 */
export async function listenLoopback(makeServer: () => Server, port: number): Promise<Server[]> {
  const ipv4 = makeServer();
  await listen(ipv4, port, '127.0.0.1');
  const address = ipv4.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  const ipv6 = makeServer();
  try {
    await listen(ipv6, actual, '::1');
    return [ipv4, ipv6];
  } catch {
    ipv6.close();
    return [ipv4];
  }
}

/**
 * Stops the servers: no new connections, idle ones closed, then `drain` (which answers what is in flight: the
 * writer's final flush), then the connections left idle by it; whatever hangs on after a grace period goes.
 */
export async function stopServing(
  servers: readonly Server[],
  drain: () => Promise<void>,
  graceMs = 2000,
): Promise<void> {
  const stopped = servers.map(
    (server) =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  for (const server of servers) server.closeIdleConnections();
  await drain();
  for (const server of servers) server.closeIdleConnections();
  const grace = setTimeout(() => {
    for (const server of servers) server.closeAllConnections();
  }, graceMs);
  await Promise.all(stopped);
  clearTimeout(grace);
}
