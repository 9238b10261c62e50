import { voiceClientMessageSchema } from './voice-client-message.schema';
import { voiceServerMessageSchema } from './voice-server-message.schema';

describe('voice WebSocket server messages', () => {
  it.each([
    { type: 'audio_start' },
    { type: 'audio_end' },
    { type: 'transcript', role: 'user', text: 'hello' },
    { type: 'interim', text: 'hel' },
    { type: 'turn_start' },
    { type: 'error', code: 'STT_ERROR', message: 'speech recognition failed for this chunk' },
    { type: 'call_end', reason: 'BALANCE_EXHAUSTED' },
  ])('accepts $type', (msg) => {
    expect(voiceServerMessageSchema.parse(msg)).toEqual(msg);
  });

  it('rejects unknown types, missing fields and unknown error codes', () => {
    expect(voiceServerMessageSchema.safeParse({ type: 'audio_pause' }).success).toBe(false);
    expect(voiceServerMessageSchema.safeParse({ type: 'transcript', text: 'hello' }).success).toBe(false);
    expect(voiceServerMessageSchema.safeParse({ type: 'error', code: 'WHATEVER', message: 'x' }).success).toBe(false);
    expect(voiceServerMessageSchema.safeParse({ type: 'call_end' }).success).toBe(false);
  });
});

describe('voice WebSocket client messages', () => {
  it('accepts end_call and rejects anything else', () => {
    expect(voiceClientMessageSchema.safeParse({ type: 'end_call' }).success).toBe(true);
    expect(voiceClientMessageSchema.safeParse({ type: 'mute' }).success).toBe(false);
    expect(voiceClientMessageSchema.safeParse('end_call').success).toBe(false);
  });
});
