import type { RawData, WebSocket } from 'ws';
import { asBytes } from '../call/client-channel';
import type { CarrierStart, CarrierStream } from './carrier-protocol';

/**
 * Waits for the carrier's `start` (the stream's ids and format) before the call begins: agent
 * audio cannot be addressed before it (Twilio needs the `streamSid`). Messages before it
 * (`connected`) are read and dropped. Pauses the socket once the start has arrived, so nothing
 * is lost before the call's transport listens; the transport's owner resumes it.
 */
export function awaitCarrierStart(socket: WebSocket, stream: CarrierStream, timeoutMs: number): Promise<CarrierStart> {
  return new Promise((resolve, reject) => {
    const done = (settle: () => void): void => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('close', onClose);
      settle();
    };
    const onMessage = (data: RawData, isBinary: boolean): void => {
      const inbound = stream.decode(asBytes(data), isBinary);
      if (inbound.kind === 'start') {
        socket.pause();
        done(() => resolve(inbound.start));
      } else if (inbound.kind === 'stop') {
        done(() => reject(new Error('the carrier stopped the stream before it started')));
      }
    };
    const onClose = (): void => done(() => reject(new Error('the carrier closed the socket before the stream started')));
    const timer = setTimeout(
      () => done(() => reject(new Error(`no start message within ${timeoutMs} ms`))),
      timeoutMs,
    );
    socket.on('message', onMessage);
    socket.once('close', onClose);
  });
}
