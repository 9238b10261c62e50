import type { CallProviders, CallUsage } from '@parley/contracts';
import { z } from 'zod';

/** What one provider class costs: points charged to the customer, money it costs to run. */
const providerClassSchema = z.object({
  /** Points per started second of call time. */
  pointsPerSecond: z.int().positive(),
  llmInputPer1kTokens: z.number().nonnegative(),
  llmOutputPer1kTokens: z.number().nonnegative(),
  sttPerMinute: z.number().nonnegative(),
  ttsPer1kCharacters: z.number().nonnegative(),
});

export const rateCardSchema = z
  .object({
    // Reports give money as `cost_usd` (reference 004), so prices are in dollars.
    currency: z.literal('USD'),
    classes: z.record(z.string().min(1), providerClassSchema),
    /** Provider name (as agents name it) → class; providers not listed are `defaultClass`. */
    providers: z.record(z.string().min(1), z.string().min(1)),
    defaultClass: z.string().min(1),
  })
  .refine((card) => card.defaultClass in card.classes, { message: 'defaultClass must be one of classes' })
  .refine((card) => Object.values(card.providers).every((c) => c in card.classes), {
    message: 'every provider must map to one of classes',
  });

export type RateCard = z.infer<typeof rateCardSchema>;
export type ProviderClass = z.infer<typeof providerClassSchema>;

/**
 * Embedded engines run on the platform's own cores: they cost compute, not vendor fees.
 * Cloud prices follow the vendors' list prices for the default models.
 */
export const DEFAULT_RATE_CARD: RateCard = {
  currency: 'USD',
  classes: {
    embedded: {
      pointsPerSecond: 1,
      llmInputPer1kTokens: 0.00002,
      llmOutputPer1kTokens: 0.00002,
      sttPerMinute: 0.0005,
      ttsPer1kCharacters: 0.0002,
    },
    cloud: {
      pointsPerSecond: 3,
      llmInputPer1kTokens: 0.0025,
      llmOutputPer1kTokens: 0.01,
      sttPerMinute: 0.0043,
      ttsPer1kCharacters: 0.18,
    },
  },
  providers: {
    pocketsphinx: 'embedded',
    local: 'embedded',
    flite: 'embedded',
    espeak: 'embedded',
    'espeak-ng': 'embedded',
    deepgram: 'cloud',
    openai: 'cloud',
    elevenlabs: 'cloud',
  },
  defaultClass: 'cloud',
};

export interface StageCost {
  readonly llm: number;
  readonly stt: number;
  readonly tts: number;
  readonly total: number;
}

/** Prices calls with one rate card, fixed for the life of the process. */
export class RatePricing {
  constructor(readonly card: RateCard) {}

  classOf(provider: string): string {
    return this.card.providers[provider] ?? this.card.defaultClass;
  }

  /** A call is charged at the dearest class among its three engines. */
  callClassOf(providers: Pick<CallProviders, 'stt' | 'llm' | 'tts'>): string {
    const classes = [providers.stt, providers.llm, providers.tts].map((p) => this.classOf(p));
    return classes.reduce((a, b) => (this.rate(b).pointsPerSecond > this.rate(a).pointsPerSecond ? b : a));
  }

  pointsFor(providerClass: string, seconds: number): number {
    return seconds * this.rate(providerClass).pointsPerSecond;
  }

  /** Money per stage, each stage at its own engine's class. */
  costOf(providers: Pick<CallProviders, 'stt' | 'llm' | 'tts'>, usage: CallUsage): StageCost {
    const llmRate = this.rate(this.classOf(providers.llm));
    const llm =
      (usage.llmInputTokens / 1000) * llmRate.llmInputPer1kTokens +
      (usage.llmOutputTokens / 1000) * llmRate.llmOutputPer1kTokens;
    const stt = (usage.sttAudioSeconds / 60) * this.rate(this.classOf(providers.stt)).sttPerMinute;
    const tts = (usage.ttsCharacters / 1000) * this.rate(this.classOf(providers.tts)).ttsPer1kCharacters;
    return { llm: money(llm), stt: money(stt), tts: money(tts), total: money(llm + stt + tts) };
  }

  private rate(providerClass: string): ProviderClass {
    return this.card.classes[providerClass] ?? this.card.classes[this.card.defaultClass];
  }
}

/** Six decimals: a fraction of a cent survives summing thousands of calls. */
export function money(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
