import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isNonPublicAddress, OutboundHostUnresolved, OutboundTargetGuard, OutboundTargetRefused } from './outbound-target';
import { pinnedRequestOptions, readCappedBody } from './pinned-request';

describe('outbound target guard', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '100.64.0.1']) {
      expect({ address, refused: isNonPublicAddress(address) }).toEqual({ address, refused: true });
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect({ address, refused: isNonPublicAddress(address) }).toEqual({ address, refused: false });
    }
  });

  it('refuses plain http and private targets unless the host is allow-listed', async () => {
    const guard = new OutboundTargetGuard([]);
    await expect(guard.resolve('http://93.184.216.34/hook')).rejects.toThrow('only https URLs may be called (http: given)');
    await expect(guard.resolve('https://127.0.0.1/hook')).rejects.toMatchObject({
      name: 'OutboundTargetRefused',
      message: 'the host resolves to a non-public address',
      address: '127.0.0.1',
    });
    await expect(guard.resolve('https://169.254.169.254/latest/meta-data')).rejects.toThrow(OutboundTargetRefused);
    await expect(guard.resolve('https://[::1]:8443/hook')).rejects.toThrow(OutboundTargetRefused);
  });

  it('resolves a name before connecting and refuses it when it points inside', async () => {
    await expect(new OutboundTargetGuard([]).resolve('https://localhost/hook')).rejects.toThrow(/non-public address/);
  });

  it('says a name that does not resolve is not final, unlike a refusal', async () => {
    const failure = new OutboundTargetGuard([]).resolve('https://no-such-host.invalid/hook');
    await expect(failure).rejects.toThrow(OutboundHostUnresolved);
    await expect(failure).rejects.not.toThrow(OutboundTargetRefused);
  });

  it('lets an allow-listed host through over http, and pins the address it checked', async () => {
    const target = await new OutboundTargetGuard(['127.0.0.1', 'localhost']).resolve('http://127.0.0.1:8080/hook?x=1');
    expect(target).toMatchObject({ address: '127.0.0.1', family: 4 });
    expect(target.url.pathname).toBe('/hook');
    const named = await new OutboundTargetGuard(['localhost']).resolve('http://LOCALHOST:8080/hook');
    expect(isNonPublicAddress(named.address)).toBe(true);
  });

  it('accepts https to a public address', async () => {
    await expect(new OutboundTargetGuard([]).resolve('https://93.184.216.34/hook')).resolves.toMatchObject({
      address: '93.184.216.34',
    });
  });
});

describe('pinned request', () => {
  it('connects to the checked address while Host and SNI name the URL host', () => {
    const options = pinnedRequestOptions(
      { url: new URL('https://hooks.example.com:8443/in?x=1'), address: '93.184.216.34', family: 4 },
      { 'x-a': '1' },
      'héllo',
    );
    expect(options).toMatchObject({
      host: '93.184.216.34',
      family: 4,
      port: '8443',
      path: '/in?x=1',
      method: 'POST',
      servername: 'hooks.example.com',
      headers: { 'x-a': '1', host: 'hooks.example.com:8443', 'content-length': 6 },
    });
    const plain = pinnedRequestOptions({ url: new URL('http://[::1]/'), address: '::1', family: 6 }, {}, '');
    expect(plain).toMatchObject({ port: 80, path: '/' });
    expect(plain).not.toHaveProperty('servername');
  });

  it('reads a response up to the cap and drops the rest', async () => {
    const server = http.createServer((_req, res) => {
      res.write('a'.repeat(1_000));
      res.end('b'.repeat(1_000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const read = (maxBytes: number) =>
      new Promise<Buffer>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, agent: false }, (response) => readCappedBody(response, maxBytes).then(resolve, reject)).once('error', reject);
      });
    try {
      expect((await read(10)).toString()).toBe('a'.repeat(10));
      expect((await read(1_500)).toString()).toBe(`${'a'.repeat(1_000)}${'b'.repeat(500)}`);
      expect((await read(65_536)).length).toBe(2_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
