import type { Subject, SubjectMap } from './subject-map';
import {
  eventSchemaFor,
  isAudioSubject,
  messageSchemaFor,
  replySchemaFor,
  requestSchemaFor,
  schemaFor,
} from './schema-registry';
import { eventSubjects } from './subjects/event-subjects';
import { rpcSubjects } from './subjects/rpc-subjects';
import { ANY_TOKEN } from './subjects/subject-token';
import { voiceSubjects } from './subjects/voice-subjects';
import { audioFrameSchema } from './voice/audio-frame.schema';
import { controlMessageSchema } from './voice/control.schema';
import { replyTextChunkSchema } from './voice/reply-text.schema';
import { transcriptMessageSchema } from './voice/transcript.schema';

describe('schemaFor', () => {
  it('resolves per-call subjects for any call id, and for the wildcard', () => {
    expect(schemaFor(voiceSubjects.transcript('call-42'))).toBe(transcriptMessageSchema);
    expect(schemaFor(voiceSubjects.replyText('x'))).toBe(replyTextChunkSchema);
    expect(schemaFor(voiceSubjects.control(ANY_TOKEN))).toBe(controlMessageSchema);
  });

  it('maps audio subjects to raw bytes', () => {
    expect(schemaFor(voiceSubjects.audioIn('c1'))).toBe(audioFrameSchema);
    expect(schemaFor(voiceSubjects.audioOut('c1')).safeParse(new Uint8Array(4)).success).toBe(true);
  });

  it('tells audio subjects from JSON message subjects', () => {
    expect(isAudioSubject(voiceSubjects.audioIn('c1'))).toBe(true);
    expect(isAudioSubject(voiceSubjects.audioOut(ANY_TOKEN))).toBe(true);
    expect(isAudioSubject(voiceSubjects.transcript('c1'))).toBe(false);
    expect(isAudioSubject(rpcSubjects.llmReply)).toBe(false);
    expect(messageSchemaFor(voiceSubjects.transcript('c1'))).toBe(transcriptMessageSchema);
    expect(() => messageSchemaFor(voiceSubjects.audioIn('c1') as never)).toThrow(/no JSON message contract/);
  });

  it('resolves an RPC subject to its request and its reply', () => {
    expect(schemaFor(rpcSubjects.billingBalanceGet).safeParse({ orgId: 'o1' }).success).toBe(true);
    const reply = { orgId: 'o1', points: 10, asOf: '2026-01-01T00:00:00Z' };
    expect(replySchemaFor(rpcSubjects.billingBalanceGet).safeParse(reply).success).toBe(true);
    expect(replySchemaFor(rpcSubjects.billingBalanceGet).safeParse({ orgId: 'o1' }).success).toBe(false);
  });

  it('gives the same request schema through schemaFor and requestSchemaFor', () => {
    expect(requestSchemaFor(rpcSubjects.llmReply)).toBe(schemaFor(rpcSubjects.llmReply));
  });

  it('resolves event subjects', () => {
    expect(eventSchemaFor(eventSubjects.callEnded)).toBe(schemaFor(eventSubjects.callEnded));
    expect(schemaFor(eventSubjects.callEnded).safeParse({ callId: 'c1' }).success).toBe(false);
  });

  it('throws for a subject without a contract', () => {
    const unknown = eventSubjects.callEnded.replace('ended', 'exploded') as Subject;
    expect(() => schemaFor(unknown)).toThrow(/no contract/);
    expect(() => replySchemaFor(eventSubjects.callEnded as never)).toThrow(/no RPC contract/);
    expect(() => eventSchemaFor(rpcSubjects.llmReply as never)).toThrow(/no event contract/);
  });
});

describe('SubjectMap typing', () => {
  // Stands in for a typed publisher: the compiler must tie each payload to its subject.
  function payloadFor<S extends Subject>(subject: S, payload: SubjectMap[S]) {
    return schemaFor(subject).safeParse(payload).success;
  }

  it('accepts the payload mapped to a subject', () => {
    expect(payloadFor(voiceSubjects.control('c1'), { type: 'flush' })).toBe(true);
    expect(payloadFor(voiceSubjects.audioIn('c1'), new Uint8Array(2))).toBe(true);
  });

  it('refuses the wrong payload type for a subject at compile time and at run time', () => {
    const transcript = { kind: 'final', text: 'hi', startMs: 0, endMs: 10, seq: 0 } as const;
    // @ts-expect-error a transcript is not a control message
    expect(payloadFor(voiceSubjects.control('c1'), transcript)).toBe(false);
    // @ts-expect-error audio subjects carry bytes, not JSON
    expect(payloadFor(voiceSubjects.audioOut('c1'), { bytes: [0, 0] })).toBe(false);
    // @ts-expect-error each RPC subject carries its own request
    expect(payloadFor(rpcSubjects.billingBalanceGet, { keyHash: 'a'.repeat(64) })).toBe(false);
  });
});
