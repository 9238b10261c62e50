import { messageSchemaFor, replySchemaFor, requestSchemaFor, schemaFor } from '../schema-registry';
import { rpcService } from '../subjects/rpc-subjects';
import { voiceServerMessageSchema } from '../ws/voice-server-message.schema';
import { parseVoiceSubject, voiceSubjects } from '../subjects/voice-subjects';
import { callCommandSchema } from './call-command.schema';
import { callCommandReplySchema } from './call-command-reply.schema';

describe('call command', () => {
  it('lives on the per-call command subject', () => {
    expect(voiceSubjects.command('c-1')).toBe('voice.v1.sess.c-1.command');
    expect(parseVoiceSubject(voiceSubjects.command('c-1'))).toEqual({ callId: 'c-1', channel: 'command' });
    expect(rpcService(voiceSubjects.command('c-1'))).toBe('voice');
  });

  it('resolves to the command request and reply for any call id', () => {
    expect(schemaFor(voiceSubjects.command('c-1'))).toBe(callCommandSchema);
    expect(requestSchemaFor(voiceSubjects.command('c-2'))).toBe(callCommandSchema);
    expect(replySchemaFor(voiceSubjects.command('c-3'))).toBe(callCommandReplySchema);
    expect(() => messageSchemaFor(voiceSubjects.command('c-1') as never)).toThrow(/no JSON message contract/);
  });

  it.each([
    { type: 'end', reason: 'KICKED' },
    { type: 'end', reason: 'BALANCE_EXHAUSTED' },
    { type: 'end', reason: 'CLIENT_ENDED' },
    { type: 'end', reason: 'CANCELLED' },
    { type: 'mute' },
    { type: 'unmute' },
    { type: 'whisper', text: 'Offer the annual plan' },
    { type: 'broadcast', data: 'Hello everyone' },
    { type: 'broadcast', data: { promo: 'SPRING' }, topic: 'chat' },
    { type: 'recording-start' },
    { type: 'recording-stop' },
  ])('accepts %j', (command) => {
    expect(callCommandSchema.parse(command)).toEqual(command);
  });

  it.each([
    { type: 'end', reason: 'HANGUP' },
    { type: 'end' },
    { type: 'whisper', text: '   ' },
    { type: 'broadcast' },
    { type: 'broadcast', data: 42 },
    { type: 'pause' },
  ])('rejects %j', (command) => {
    expect(callCommandSchema.safeParse(command).success).toBe(false);
  });

  it('replies ok:true only', () => {
    expect(callCommandReplySchema.parse({ ok: true })).toEqual({ ok: true });
    expect(callCommandReplySchema.safeParse({ ok: false }).success).toBe(false);
  });
});

describe('data frame', () => {
  it('carries a broadcast to the call client as a voice protocol frame', () => {
    const frame = { type: 'data', data: { promo: 'SPRING' }, topic: 'chat' };
    expect(voiceServerMessageSchema.parse(frame)).toEqual(frame);
    expect(voiceServerMessageSchema.safeParse({ type: 'data' }).success).toBe(false);
  });
});
