import { callTransferRequestSchema } from '../rpc/call-transfer.schema';
import { BUILTIN_TOOL_NAMES, isBuiltinTool } from '../shared/builtin-tools';
import { replyTextChunkSchema } from './reply-text.schema';

describe('reply-text tool effects', () => {
  const final = { turnId: 't1', sentenceIndex: 0, text: 'One moment.', final: true };

  it('carries a transfer to an E.164 number and DTMF keys', () => {
    expect(replyTextChunkSchema.parse({ ...final, transfer: { to: '+14155550100' }, dtmf: '12#*' })).toMatchObject({
      transfer: { to: '+14155550100' },
      dtmf: '12#*',
    });
  });

  it('refuses a transfer target that is not E.164 and keys no keypad has', () => {
    expect(replyTextChunkSchema.safeParse({ ...final, transfer: { to: '555-0100' } }).success).toBe(false);
    expect(replyTextChunkSchema.safeParse({ ...final, dtmf: '12x' }).success).toBe(false);
    expect(callTransferRequestSchema.safeParse({ callId: 'c1', orgId: 'o1', to: '0100' }).success).toBe(false);
  });

  it('names the four built-in tools', () => {
    expect(BUILTIN_TOOL_NAMES).toEqual(['search_kb', 'end_call', 'transfer_call', 'send_dtmf']);
    expect(isBuiltinTool('lookup_order')).toBe(false);
    expect(isBuiltinTool('toString')).toBe(false);
  });
});
