/**
 * Copies `length` bytes between byte arrays without creating a subarray view, so per-frame
 * copies on the audio path allocate nothing (TypedArray#set needs a view for partial ranges).
 */
export function copyBytes(
  src: Uint8Array,
  srcOffset: number,
  dst: Uint8Array,
  dstOffset: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) dst[dstOffset + i] = src[srcOffset + i];
}
