import type { Status, Subscription } from '@nats-io/nats-core';
import { watchStatus } from './watch-status';

function connectionEmitting(...statuses: Status[]) {
  return {
    status: async function* () {
      yield* statuses;
    },
  };
}

describe('watchStatus', () => {
  it('logs disconnects, reconnects, lagging subscriptions and server errors, and nothing else', async () => {
    const lines: [string, object][] = [];
    const log = {
      warn: (f: object, m: string) => lines.push([m, f]),
      error: (f: object, m: string) => lines.push([m, f]),
    };
    const sub = { getSubject: () => 'voice.v1.sess.c1.audio-in' } as Subscription;
    const serverError = new Error('permissions violation');
    await watchStatus(
      connectionEmitting(
        { type: 'disconnect', server: '127.0.0.1:4222' },
        { type: 'ping', pendingPings: 1 },
        { type: 'reconnect', server: '127.0.0.1:4222' },
        { type: 'slowConsumer', sub, pending: 5000 },
        { type: 'error', error: serverError },
      ),
      log,
    );
    expect(lines).toEqual([
      ['nats disconnected', { server: '127.0.0.1:4222' }],
      ['nats reconnected', { server: '127.0.0.1:4222' }],
      ['nats subscription falling behind', { subject: 'voice.v1.sess.c1.audio-in', pending: 5000 }],
      ['nats server error', { err: serverError }],
    ]);
  });
});
