export {
  BYTES_PER_SAMPLE,
  FRAME_BYTES,
  FRAME_MS,
  FRAME_SAMPLES,
  INT16_FULL_SCALE,
  SAMPLE_RATE,
} from './pcm-format';
export { bytesToSamples, decodePcm16, samplesToBytes } from './pcm-views';
export { MIN_DBFS, dbfs, rms, rmsToDbfs } from './signal-level';
export { RingBuffer } from './ring-buffer';
export { FrameSplitter, type FrameHandler, type FrameSplitterOptions } from './frame-splitter';
export { mulawDecode, mulawDecodeSample, mulawEncode, mulawEncodeSample } from './mulaw';
export { alawDecode, alawDecodeSample, alawEncode, alawEncodeSample } from './alaw';
export { Resampler } from './resampler';
export {
  WAV_HEADER_BYTES,
  WAV_MAX_DATA_BYTES,
  WAV_UNKNOWN_SIZE,
  WavFormatError,
  parseWav,
  parseWavHeader,
  wavHeader,
  type WavFormat,
  type WavHeaderInfo,
} from './wav';
export { WavFileWriter } from './wav-file-writer';
export { interleaveStereo } from './stereo-interleave';
export { EnergyVad, type EnergyVadOptions, type VadEvent } from './energy-vad';
export { dtmfFrames, dtmfFrequencies, dtmfSamples, type DtmfOptions } from './dtmf';
