import { EventEmitter } from 'node:events';
import { createLogger } from '@parley/logging';
import { WebSocket } from 'ws';
import { ClientChannel, MAX_BUFFERED_AUDIO_BYTES } from './client-channel';

/** The parts of a `ws` socket the channel uses, with a send buffer the test fills. */
class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: unknown[] = [];
  send(data: unknown): void {
    this.sent.push(data);
  }
}

const events = { onAudio: jest.fn(), onDtmf: jest.fn(), onEndCall: jest.fn(), onTooLarge: jest.fn(), onClosed: jest.fn() };

describe('ClientChannel', () => {
  it('skips agent audio while the client holds more than a second of it unread, and warns once', () => {
    const socket = new FakeSocket();
    const log = createLogger({ service: 'spec', level: 'silent' });
    const warn = jest.spyOn(log, 'warn');
    const channel = new ClientChannel(socket as unknown as WebSocket, events, 64 * 1024, log);
    const frame = new Uint8Array(640);

    expect(channel.sendAudio(frame)).toBe(true);
    socket.bufferedAmount = MAX_BUFFERED_AUDIO_BYTES + 1;
    expect(channel.sendAudio(frame)).toBe(false);
    expect(channel.sendAudio(frame)).toBe(false);
    socket.bufferedAmount = MAX_BUFFERED_AUDIO_BYTES;
    expect(channel.sendAudio(frame)).toBe(true);

    expect(socket.sent).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('sends no audio on a closed socket', () => {
    const socket = new FakeSocket();
    socket.readyState = WebSocket.CLOSED;
    const channel = new ClientChannel(socket as unknown as WebSocket, events, 64 * 1024, createLogger({ service: 'spec', level: 'silent' }));
    expect(channel.sendAudio(new Uint8Array(640))).toBe(false);
    expect(socket.sent).toEqual([]);
  });
});
