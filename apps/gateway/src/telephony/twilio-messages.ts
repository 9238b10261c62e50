import { z } from 'zod';

/**
 * Twilio Media Streams messages from Twilio (twilio.com/docs/voice/media-streams/websocket-messages),
 * only the fields the gateway reads; anything else passes through unread.
 */
const connected = z.object({ event: z.literal('connected') });

const start = z.object({
  event: z.literal('start'),
  streamSid: z.string().min(1),
  start: z.object({
    streamSid: z.string().min(1).optional(),
    callSid: z.string().optional(),
    customParameters: z.record(z.string(), z.string()).optional(),
    mediaFormat: z
      .object({ encoding: z.string(), sampleRate: z.number(), channels: z.number().optional() })
      .optional(),
  }),
});

const media = z.object({
  event: z.literal('media'),
  media: z.object({ track: z.string().optional(), payload: z.string() }),
});

const mark = z.object({ event: z.literal('mark'), mark: z.object({ name: z.string() }) });

const stop = z.object({ event: z.literal('stop') });

const dtmf = z.object({ event: z.literal('dtmf'), dtmf: z.object({ digit: z.string() }) });

export const twilioInboundSchema = z.discriminatedUnion('event', [connected, start, media, mark, stop, dtmf]);

export type TwilioInbound = z.infer<typeof twilioInboundSchema>;
export type TwilioStart = z.infer<typeof start>;
