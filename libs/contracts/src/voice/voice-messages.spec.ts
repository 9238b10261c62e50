import { audioFrameHeadersSchema, audioFrameSchema } from './audio-frame.schema';
import { controlMessageSchema } from './control.schema';
import { replyTextChunkSchema } from './reply-text.schema';
import { transcriptMessageSchema } from './transcript.schema';

describe('transcript message', () => {
  const valid = { kind: 'final', text: 'I need a refund', confidence: 0.92, startMs: 1200, endMs: 2450, seq: 3 };

  it('accepts interim and final transcripts', () => {
    expect(transcriptMessageSchema.parse(valid)).toEqual(valid);
    expect(transcriptMessageSchema.safeParse({ ...valid, kind: 'interim', confidence: undefined }).success).toBe(true);
  });

  it('accepts a final that names the flush it answers', () => {
    expect(transcriptMessageSchema.parse({ ...valid, text: '', turnId: 't4' })).toMatchObject({ turnId: 't4' });
    expect(transcriptMessageSchema.safeParse({ ...valid, turnId: '' }).success).toBe(false);
  });

  it('rejects an unknown kind, a confidence above 1, a negative seq and an end before the start', () => {
    expect(transcriptMessageSchema.safeParse({ ...valid, kind: 'partial' }).success).toBe(false);
    expect(transcriptMessageSchema.safeParse({ ...valid, confidence: 1.2 }).success).toBe(false);
    expect(transcriptMessageSchema.safeParse({ ...valid, seq: -1 }).success).toBe(false);
    expect(transcriptMessageSchema.safeParse({ ...valid, endMs: 100 }).success).toBe(false);
  });
});

describe('reply text chunk', () => {
  it('accepts a sentence and a final empty chunk', () => {
    expect(
      replyTextChunkSchema.safeParse({ turnId: 't1', sentenceIndex: 0, text: 'Hello.', final: false }).success,
    ).toBe(true);
    expect(
      replyTextChunkSchema.safeParse({ turnId: 't1', sentenceIndex: 2, text: '', final: true, endCall: true }).success,
    ).toBe(true);
  });

  it('rejects a chunk without its turn or final flag', () => {
    expect(replyTextChunkSchema.safeParse({ sentenceIndex: 0, text: 'Hi', final: false }).success).toBe(false);
    expect(replyTextChunkSchema.safeParse({ turnId: 't1', sentenceIndex: 0, text: 'Hi' }).success).toBe(false);
  });
});

describe('control message', () => {
  it('accepts interrupt, flush and end', () => {
    for (const msg of [
      { type: 'interrupt', turnId: 't2', playedText: 'Sure, let me' },
      { type: 'interrupt', turnId: 't2' },
      { type: 'flush' },
      { type: 'end', reason: 'HANGUP' },
    ]) {
      expect(controlMessageSchema.parse(msg)).toEqual(msg);
    }
  });

  it('rejects an unknown type, an interrupt without turn and an end with an unknown reason', () => {
    expect(controlMessageSchema.safeParse({ type: 'pause' }).success).toBe(false);
    expect(controlMessageSchema.safeParse({ type: 'interrupt' }).success).toBe(false);
    expect(controlMessageSchema.safeParse({ type: 'end', reason: 'bored' }).success).toBe(false);
  });
});

describe('audio frame', () => {
  it('accepts whole PCM16 samples in any Uint8Array, Buffers included', () => {
    expect(audioFrameSchema.safeParse(new Uint8Array(640)).success).toBe(true);
    expect(audioFrameSchema.safeParse(Buffer.alloc(2)).success).toBe(true);
  });

  it('rejects odd byte counts and non-bytes', () => {
    expect(audioFrameSchema.safeParse(new Uint8Array(3)).success).toBe(false);
    expect(audioFrameSchema.safeParse([0, 1]).success).toBe(false);
    expect(audioFrameSchema.safeParse('AAAA').success).toBe(false);
  });

  it('requires a sequence number in the headers', () => {
    expect(audioFrameHeadersSchema.safeParse({ seq: 7, turnId: 't1', sentenceIndex: 0, last: true }).success).toBe(
      true,
    );
    expect(audioFrameHeadersSchema.safeParse({ turnId: 't1' }).success).toBe(false);
  });
});
