export { VoiceCallClient } from './voice-call-client';
export type { CallClosed, StreamOptions, StreamResult, VoiceCallClientOptions, VoiceCallEvents } from './voice-call-client';
export { AgentAudio, type AgentAudioSegment } from './agent-audio';
export type { ProtocolError, RecordedMessage, ServerMessageOf } from './server-message-log';
export type { TurnLatency } from './turn-latency';
export { VoiceUpgradeRefusedError, type UpgradeRefusalBody } from './upgrade-refused.error';
export { speechFromText } from './speech-from-text';
export { loadWav, toCallerAudio } from './load-wav';
export { sendSpeechFrames } from './speech-frames';
