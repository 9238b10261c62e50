import { isAbsolute, resolve } from 'node:path';
import { loadConfig } from './config';

describe('gateway config', () => {
  it('records into .parley/recordings, made absolute at boot, and detects voice with Silero', () => {
    const config = loadConfig({});
    expect(config.RECORDINGS_DIR).toBe(resolve('.parley/recordings'));
    expect(isAbsolute(config.RECORDINGS_DIR)).toBe(true);
    expect(config.GATEWAY_VAD).toBe('silero');
  });

  it('takes a recordings directory and the energy VAD when told, and refuses an unknown VAD', () => {
    const config = loadConfig({ RECORDINGS_DIR: 'rec', GATEWAY_VAD: 'energy' });
    expect(config.RECORDINGS_DIR).toBe(resolve('rec'));
    expect(config.GATEWAY_VAD).toBe('energy');
    expect(() => loadConfig({ GATEWAY_VAD: 'webrtc' })).toThrow(/GATEWAY_VAD/);
  });

  it('records to an S3-compatible bucket when told, and refuses s3 without a bucket', () => {
    const config = loadConfig({ RECORDINGS_STORE: 's3', S3_BUCKET: 'calls', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(config).toMatchObject({ RECORDINGS_STORE: 's3', S3_BUCKET: 'calls', S3_FORCE_PATH_STYLE: false });
    expect(() => loadConfig({ RECORDINGS_STORE: 's3' })).toThrow(/S3_BUCKET: is required when RECORDINGS_STORE=s3/);
  });
});
