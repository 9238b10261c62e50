import type { Platform } from './platform';

/** The REST API's task, as the task specs read it. */
export interface TaskView {
  readonly id: string;
  readonly status: string;
  readonly call_id: string | null;
  readonly last_error: string | null;
}

export interface TranscriptEntry {
  readonly speaker: 'user' | 'agent' | 'system';
  readonly content: string;
}

export interface ListedCall {
  readonly id: string;
  readonly task_id: string | null;
  readonly direction: string | null;
  readonly status: string;
}

export interface CallReport {
  readonly summary: string;
  readonly outcome: string;
  readonly generated_by: string;
}

/** Reads behind the task's call are eventually consistent: patience for each after the call ended. */
const READ_MODEL_TIMEOUT_MS = 30_000;

/** The public REST API with the demo organization's key; throws unless the answer is `status`. */
export type RestApi = <T>(method: string, path: string, body?: unknown, status?: number) => Promise<T>;

/** `platform` is read at each request, so the client can be made before `beforeAll` starts it. */
export function demoRestApi(platform: () => Platform): RestApi {
  return async <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
    const response = await fetch(platform().restUrl(path), {
      method,
      headers: { Authorization: `Bearer ${platform().demo.apiKey.raw}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (JSON.parse(text) as { data: T }).data;
  };
}

/** Re-reads until `done` holds; the task's state lives in the dialer, which pushes nothing to a client. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The task once it has left `in_progress` (its call ended one way or another). */
export function taskWhenSettled(api: RestApi, taskId: string, timeoutMs: number): Promise<TaskView> {
  return until(() => api<TaskView>('GET', `/api/v1/tasks/${taskId}`), (task) => task.status !== 'in_progress', timeoutMs);
}

/** The call as the calls read model lists it, once it is no longer active. */
export async function listedCallWhenEnded(api: RestApi, callId: string): Promise<ListedCall | undefined> {
  const calls = await until(
    () => api<ListedCall[]>('GET', '/api/v1/calls'),
    (list) => list.some((call) => call.id === callId && call.status !== 'active'),
    READ_MODEL_TIMEOUT_MS,
  );
  return calls.find((call) => call.id === callId);
}

/** The stored transcript once it holds at least two agent lines (the greeting and an answer). */
export async function transcriptWithAnswer(api: RestApi, callId: string): Promise<TranscriptEntry[]> {
  const { transcripts } = await until(
    () => api<{ transcripts: TranscriptEntry[] }>('GET', `/api/v1/calls/${callId}/transcript`),
    (t) => t.transcripts.filter((e) => e.speaker === 'agent').length >= 2,
    READ_MODEL_TIMEOUT_MS,
  );
  return transcripts;
}

/** The call's report once its summary is written. */
export function reportWhenWritten(api: RestApi, callId: string): Promise<CallReport> {
  return until(() => api<CallReport>('GET', `/api/v1/calls/${callId}/report`), (r) => r.summary.length > 0, READ_MODEL_TIMEOUT_MS);
}
