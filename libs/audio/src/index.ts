export const FRAME_BYTES = 640;
