import { uniqueNamespace } from './unique-namespace';

describe('uniqueNamespace', () => {
  it('keeps a readable label and adds a random suffix', () => {
    expect(uniqueNamespace('Bus publish')).toMatch(/^bus_publish_[0-9a-f]{6}[0-9a-z]+$/);
  });

  it('yields only characters valid in NATS subjects, stream names and Redis keys', () => {
    expect(uniqueNamespace('a.b*c>d/e f')).toMatch(/^a_b_c_d_e_f_[0-9a-f]{6}[0-9a-z]+$/);
    expect(uniqueNamespace('...')).toMatch(/^test_[0-9a-f]{6}[0-9a-z]+$/);
  });

  it('never repeats itself across many calls', () => {
    const names = new Set(Array.from({ length: 100_000 }, () => uniqueNamespace('x')));
    expect(names.size).toBe(100_000);
  });
});
