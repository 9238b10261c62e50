import { isNonPublicAddress, TargetGuard, TargetRefused } from './target-guard';

describe('target guard', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '100.64.0.1']) {
      expect({ address, refused: isNonPublicAddress(address) }).toEqual({ address, refused: true });
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect({ address, refused: isNonPublicAddress(address) }).toEqual({ address, refused: false });
    }
  });

  it('refuses plain http and private targets unless the host is allow-listed', async () => {
    const guard = new TargetGuard([]);
    await expect(guard.resolve('http://93.184.216.34/hook')).rejects.toThrow(TargetRefused);
    await expect(guard.resolve('https://127.0.0.1/hook')).rejects.toThrow(/non-public address \(127\.0\.0\.1\)/);
    await expect(guard.resolve('https://169.254.169.254/latest/meta-data')).rejects.toThrow(TargetRefused);
    await expect(guard.resolve('https://[::1]:8443/hook')).rejects.toThrow(TargetRefused);
  });

  it('resolves a name before connecting and refuses it when it points inside', async () => {
    await expect(new TargetGuard([]).resolve('https://localhost/hook')).rejects.toThrow(/non-public address/);
  });

  it('lets an allow-listed host through over http, and pins the address it checked', async () => {
    const target = await new TargetGuard(['127.0.0.1', 'localhost']).resolve('http://127.0.0.1:8080/hook?x=1');
    expect(target).toMatchObject({ address: '127.0.0.1', family: 4 });
    expect(target.url.pathname).toBe('/hook');
    const named = await new TargetGuard(['localhost']).resolve('http://LOCALHOST:8080/hook');
    expect(isNonPublicAddress(named.address)).toBe(true);
  });

  it('accepts https to a public address', async () => {
    await expect(new TargetGuard([]).resolve('https://93.184.216.34/hook')).resolves.toMatchObject({
      address: '93.184.216.34',
    });
  });
});
