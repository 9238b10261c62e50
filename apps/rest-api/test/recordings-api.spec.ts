import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavHeader } from '@parley/audio';
import { type EventMap, type EventSubject, eventSubjects } from '@parley/contracts';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { callEvents, watchProjection } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('recordings: GET /calls/:id/recording… and /api/v1/recordings (real Postgres, Redis, NATS, files)', () => {
  let api: RestApiHarness;
  let dir: string;
  let tenant: TestTenant;
  let other: TestTenant;
  let probe: ReturnType<typeof watchProjection>;
  let published = 0;
  let audio: Buffer;
  const agentId = randomUUID();

  const publish = async <S extends EventSubject>(subject: S, payload: EventMap[S]) => {
    await api.bus.publishEvent(subject, payload, { msgId: randomUUID() });
    published++;
  };
  const projected = () => probe.handled(published);
  const get = (path: string, key = tenant.key) => api.call('GET', `/api/v1${path}`, { bearer: key });
  /** Raw bytes of an audio endpoint, with an optional Range header. */
  async function fetchAudio(path: string, range?: string, key = tenant.key) {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, ...(range && { Range: range }) };
    const res = await fetch(`${api.baseUrl}/api/v1${path}`, { headers });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** A finished call of `orgId` whose recording file exists on disk. */
  async function recordedCall(orgId: string, file: Buffer | null = audio) {
    const call = callEvents({ orgId, agentId });
    if (file) await writeFile(join(dir, `${call.callId}.wav`), file);
    await publish(eventSubjects.callStarted, call.started());
    await publish(eventSubjects.recordingStarted, call.recordingStarted());
    await publish(eventSubjects.recordingStopped, call.recordingStopped(file?.length ?? 0, 2_000));
    await publish(eventSubjects.callEnded, call.ended('HANGUP'));
    return call;
  }

  let done: ReturnType<typeof callEvents>;
  let recording: ReturnType<typeof callEvents>;
  let silent: ReturnType<typeof callEvents>;
  let foreign: ReturnType<typeof callEvents>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-recordings-'));
    api = await startRestApi({ env: { RECORDINGS_DIR: dir } });
    probe = watchProjection(api.app.get(CallEventsConsumer));
    tenant = await api.createTenant();
    other = await api.createTenant();
    const samples = new Int16Array(16_000 * 2);
    for (let i = 0; i < samples.length; i++) samples[i] = Math.round(Math.sin(i / 7) * 8_000);
    const pcm = Buffer.from(samples.buffer);
    audio = Buffer.concat([wavHeader({ sampleRate: 16_000, channels: 2 }, pcm.length), pcm]);

    done = await recordedCall(tenant.orgId);
    recording = callEvents({ orgId: tenant.orgId, agentId });
    await publish(eventSubjects.callStarted, recording.started());
    await publish(eventSubjects.recordingStarted, recording.recordingStarted());
    silent = callEvents({ orgId: tenant.orgId });
    await publish(eventSubjects.callStarted, silent.started());
    foreign = await recordedCall(other.orgId);
    await projected();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('GET /calls/:id/recording', () => {
    it('returns the recording with the proxy URL that streams it', async () => {
      const res = await get(`/calls/${done.callId}/recording`);

      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        id: done.recordingId,
        call_id: done.callId,
        format: 'wav',
        content_type: 'audio/wav',
        status: 'completed',
        size_bytes: audio.length,
        duration_ms: 2_000,
        sample_rate: 16_000,
        channels: 2,
        started_at: done.startedAt,
        stopped_at: done.at(2_000),
        created_at: expect.any(String),
        download_url: `${api.baseUrl}/api/v1/recordings/${done.recordingId}/download`,
        url: `${api.baseUrl}/api/v1/calls/${done.callId}/recording/stream`,
      });
    });

    it('answers 409 CONFLICT while the recording is being written', async () => {
      const res = await get(`/calls/${recording.callId}/recording`);

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: { status: 'recording' } });
    });

    it.each([
      ['a call without a recording', () => silent.callId],
      ["another organization's call", () => foreign.callId],
      ['an unknown call', () => randomUUID()],
    ])('answers 404 NOT_FOUND for %s', async (_, id) => {
      for (const path of ['', '/stream']) {
        const res = await get(`/calls/${id()}/recording${path}`);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND', error: 'Recording not found' });
      }
    });
  });

  describe('GET /calls/:id/recording/stream', () => {
    it('streams the whole file as audio/wav and says ranges are accepted', async () => {
      const res = await fetchAudio(`/calls/${done.callId}/recording/stream`);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe(String(audio.length));
      expect(res.bytes.equals(audio)).toBe(true);
    });

    it('serves the first bytes (the WAV header) with 206 and Content-Range', async () => {
      const res = await fetchAudio(`/calls/${done.callId}/recording/stream`, 'bytes=0-43');

      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes 0-43/${audio.length}`);
      expect(res.headers.get('content-length')).toBe('44');
      expect(res.bytes.equals(audio.subarray(0, 44))).toBe(true);
      expect(res.bytes.subarray(0, 4).toString()).toBe('RIFF');
    });

    it('serves a suffix range: the last bytes', async () => {
      const res = await fetchAudio(`/calls/${done.callId}/recording/stream`, 'bytes=-100');

      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${audio.length - 100}-${audio.length - 1}/${audio.length}`);
      expect(res.bytes.equals(audio.subarray(audio.length - 100))).toBe(true);
    });

    it('serves an open-ended range to the end of the file', async () => {
      const res = await fetchAudio(`/calls/${done.callId}/recording/stream`, 'bytes=1000-');

      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes 1000-${audio.length - 1}/${audio.length}`);
      expect(res.bytes.equals(audio.subarray(1000))).toBe(true);
    });

    it.each([['bytes=999999999-'], ['bytes=50-10'], ['bytes=abc']])(
      'answers %s with 416 and the size in Content-Range',
      async (range) => {
        const res = await fetchAudio(`/calls/${done.callId}/recording/stream`, range);

        expect(res.status).toBe(416);
        expect(res.headers.get('content-range')).toBe(`bytes */${audio.length}`);
        expect(JSON.parse(res.bytes.toString())).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
      },
    );

    it('answers 401 without a key', async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/calls/${done.callId}/recording/stream`);

      expect(res.status).toBe(401);
    });
  });

  describe('GET /recordings', () => {
    it("lists the organization's recordings, newest first, with the page in meta", async () => {
      const res = await get('/recordings');

      expect(res.status).toBe(200);
      expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([recording.recordingId, done.recordingId]);
      expect(res.body.meta.pagination).toEqual({ total: 2, limit: 25, offset: 0, has_more: false });
    });

    it.each([
      ['status=completed', () => [done.recordingId]],
      ['status=recording', () => [recording.recordingId]],
      ['status=error', () => []],
      ['call_id=CALL', () => [done.recordingId]],
      [`agent_id=${agentId}&status=completed`, () => [done.recordingId]],
    ])('filters by %s', async (query, expected) => {
      const res = await get(`/recordings?${query.replace('CALL', done.callId)}`);

      expect(res.status).toBe(200);
      expect(res.body.data.map((r: { id: string }) => r.id)).toEqual(expected());
    });

    it('pages with page and per_page, as reference 004 does', async () => {
      const res = await get('/recordings?page=2&per_page=1');

      expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([done.recordingId]);
      expect(res.body.meta.pagination).toEqual({ total: 2, limit: 1, offset: 1, has_more: false });
    });

    it.each([['status=failed'], ['page=0'], ['per_page=101'], ['call_id=abc']])(
      'rejects %s with 400 INVALID_REQUEST',
      async (query) => {
        const res = await get(`/recordings?${query}`);

        expect(res.status).toBe(400);
        expect(res.body.code).toBe('INVALID_REQUEST');
      },
    );
  });

  describe('GET /recordings/:id and /download', () => {
    it('returns the recording', async () => {
      const res = await get(`/recordings/${done.recordingId}`);

      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ id: done.recordingId, call_id: done.callId, status: 'completed' });
    });

    it('downloads the file, whole or by range', async () => {
      const whole = await fetchAudio(`/recordings/${done.recordingId}/download`);
      expect(whole.status).toBe(200);
      expect(whole.bytes.equals(audio)).toBe(true);

      const part = await fetchAudio(`/recordings/${done.recordingId}/download`, 'bytes=44-143');
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 44-143/${audio.length}`);
      expect(part.bytes.equals(audio.subarray(44, 144))).toBe(true);
    });

    it('answers 409 CONFLICT for the download of a recording still being written', async () => {
      const res = await get(`/recordings/${recording.recordingId}/download`);

      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONFLICT');
    });

    it.each([
      ['another organization', () => foreign.recordingId],
      ['an unknown id', () => randomUUID()],
      ['a malformed id', () => '7'],
    ])('answers 404 NOT_FOUND for the recording of %s', async (_, id) => {
      for (const path of ['', '/download']) {
        const res = await get(`/recordings/${id()}${path}`);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND', error: 'Recording not found' });
      }
    });

    it('answers 404 NOT_FOUND when the file is gone from storage', async () => {
      const lost = await recordedCall(tenant.orgId, null);
      await projected();

      const res = await get(`/recordings/${lost.recordingId}/download`);

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', error: 'Recording file not found' });
      await api.call('DELETE', `/api/v1/recordings/${lost.recordingId}`, { bearer: tenant.key });
    });
  });

  describe('DELETE /recordings/:id', () => {
    it('deletes the file and the record', async () => {
      const doomed = await recordedCall(tenant.orgId);
      await projected();
      const file = join(dir, `${doomed.callId}.wav`);
      await expect(stat(file)).resolves.toBeTruthy();

      const res = await api.call('DELETE', `/api/v1/recordings/${doomed.recordingId}`, { bearer: tenant.key });

      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ id: doomed.recordingId, deleted: true });
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await get(`/recordings/${doomed.recordingId}`)).status).toBe(404);
      expect((await get(`/calls/${doomed.callId}/recording`)).status).toBe(404);
      expect((await get(`/calls/${doomed.callId}`)).body.data.recording).toBeNull();
    });

    it('refuses with 409 CONFLICT while the recording is being written', async () => {
      const res = await api.call('DELETE', `/api/v1/recordings/${recording.recordingId}`, { bearer: tenant.key });

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', details: { status: 'recording' } });
    });

    it("answers 404 NOT_FOUND for another organization's recording and keeps its file", async () => {
      const res = await api.call('DELETE', `/api/v1/recordings/${foreign.recordingId}`, { bearer: tenant.key });

      expect(res.status).toBe(404);
      await expect(stat(join(dir, `${foreign.callId}.wav`))).resolves.toBeTruthy();
      expect((await get(`/recordings/${foreign.recordingId}`, other.key)).status).toBe(200);
    });
  });

  it('lists every recordings route in the OpenAPI document', async () => {
    const res = await api.call('GET', '/api/v1/openapi.json');

    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/recordings', '/api/v1/recordings/{id}', '/api/v1/recordings/{id}/download']),
    );
    expect(res.body.paths['/api/v1/recordings/{id}'].delete).toBeDefined();
  });
});
