import type { AgentAudioSegment, VoiceCallClient } from '@parley/testing';

const POLL_MS = 5;

/**
 * When the last agent frame of `segment` arrived, to within a few milliseconds: the client keeps
 * frame counts, not arrival times, so the count is watched until `stop()`.
 */
export function watchLastFrame(call: VoiceCallClient, segment: AgentAudioSegment): { stop(): number } {
  let frames = segment.frames;
  let lastFrameAt = call.now();
  const timer = setInterval(() => {
    if (segment.frames === frames) return;
    frames = segment.frames;
    lastFrameAt = call.now();
  }, POLL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return lastFrameAt;
    },
  };
}
