import { DEFAULT_RATE_CARD, RatePricing, rateCardSchema } from './rate-card';

const pricing = new RatePricing(DEFAULT_RATE_CARD);
const embedded = { stt: 'pocketsphinx', llm: 'local', tts: 'flite' };
const usage = { seconds: 60, sttAudioSeconds: 60, llmInputTokens: 2000, llmOutputTokens: 500, ttsCharacters: 1000 };

describe('rate card', () => {
  it('charges an all-embedded call at the embedded rate per started second', () => {
    expect(pricing.callClassOf(embedded)).toBe('embedded');
    expect(pricing.pointsFor('embedded', 7)).toBe(7);
  });

  it('charges a call with one cloud engine at the cloud rate', () => {
    expect(pricing.callClassOf({ ...embedded, llm: 'openai' })).toBe('cloud');
    expect(pricing.pointsFor('cloud', 7)).toBe(21);
  });

  it('treats a provider it does not know as the default class', () => {
    expect(pricing.classOf('some-new-vendor')).toBe('cloud');
  });

  it('prices each stage at its own engine class', () => {
    const cost = pricing.costOf({ ...embedded, tts: 'elevenlabs' }, usage);
    expect(cost.tts).toBeCloseTo(0.18, 6);
    expect(cost.stt).toBeCloseTo(0.0005, 6);
    expect(cost.llm).toBeCloseTo(0.00005, 6);
    expect(cost.total).toBeCloseTo(cost.llm + cost.stt + cost.tts, 6);
  });

  it('refuses a card whose default class or providers name no class', () => {
    expect(rateCardSchema.safeParse({ ...DEFAULT_RATE_CARD, defaultClass: 'gold' }).success).toBe(false);
    const providers = { ...DEFAULT_RATE_CARD.providers, x: 'gold' };
    expect(rateCardSchema.safeParse({ ...DEFAULT_RATE_CARD, providers }).success).toBe(false);
  });
});
