/**
 * Parley's one internal audio format: PCM16LE (signed 16-bit little-endian), mono, 16 kHz,
 * moved in 20 ms frames. Everything that enters the platform is converted to this at the edge.
 */
export const SAMPLE_RATE = 16_000;
export const BYTES_PER_SAMPLE = 2;
export const FRAME_MS = 20;
export const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000; // 320
export const FRAME_BYTES = FRAME_SAMPLES * BYTES_PER_SAMPLE; // 640

/** Full scale of a signed 16-bit sample; 0 dBFS is an RMS of this value. */
export const INT16_FULL_SCALE = 32_768;

// Int16Array uses the host's byte order. Every platform Node ships prebuilt binaries for
// (x64, arm64, ppc64le) is little-endian, so the library reads PCM16LE through typed-array
// views; on a big-endian host those views would silently swap bytes, so refuse to load.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('@parley/audio needs a little-endian host: PCM16LE is read through Int16Array views');
}
