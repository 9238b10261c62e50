import net from 'node:net';

/**
 * `count` distinct ports the OS has just handed out as free. The services need known ports (the
 * voice URL is built before they start), and PORT=0 would hide them; all listeners are held open
 * until every port is picked so the OS cannot hand the same one out twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = net.createServer();
      return new Promise<net.Server>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    }),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
