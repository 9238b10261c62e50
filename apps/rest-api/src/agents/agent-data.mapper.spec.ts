import { Prisma } from '@parley/db-agents';
import { toAgentData } from './agent-data.mapper';

describe('toAgentData', () => {
  it('maps API fields onto columns and leaves out what the client did not send', () => {
    expect(toAgentData({ name: 'Support', max_duration_seconds: 600, silence_timeout_seconds: 8 })).toEqual({
      name: 'Support',
      maxDurationS: 600,
      silenceTimeoutS: 8,
    });
  });

  it('stores SQL NULL for a JSON field set to null, and a plain null for a text field', () => {
    expect(toAgentData({ voice_settings: null, faq: null, description: null })).toEqual({
      voiceSettings: Prisma.DbNull,
      faq: Prisma.DbNull,
      description: null,
    });
  });
});
