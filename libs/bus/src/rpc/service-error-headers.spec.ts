import { headers, type Msg } from '@nats-io/nats-core';
import { errorEnvelope } from '@parley/contracts';
import { errorReply, readErrorReply, SERVICE_ERROR, SERVICE_ERROR_CODE } from './service-error-headers';

function asMsg(data: Uint8Array, hdrs = headers()): Msg {
  return { data, headers: hdrs } as Msg;
}

describe('service error headers', () => {
  it('writes the HTTP status and a single-line message as nats service error headers', () => {
    const { data, headers: hdrs } = errorReply(errorEnvelope('RATE_LIMITED', 'too many calls\nfor this org'));
    expect(hdrs.get(SERVICE_ERROR_CODE)).toBe('429');
    expect(hdrs.get(SERVICE_ERROR)).toBe('too many calls for this org');
    expect(readErrorReply(asMsg(data, hdrs))).toEqual(errorEnvelope('RATE_LIMITED', 'too many calls\nfor this org'));
  });

  it('reads a normal reply as no error', () => {
    expect(readErrorReply(asMsg(new TextEncoder().encode('{}')))).toBeUndefined();
  });

  it('reports a foreign error reply without our envelope as INTERNAL_ERROR with its status', () => {
    const hdrs = headers();
    hdrs.set(SERVICE_ERROR_CODE, '503');
    hdrs.set(SERVICE_ERROR, 'overloaded');
    expect(readErrorReply(asMsg(new Uint8Array(0), hdrs))).toEqual(errorEnvelope('INTERNAL_ERROR', '503 overloaded'));
  });
});
