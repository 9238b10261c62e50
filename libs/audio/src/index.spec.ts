import { FRAME_BYTES } from './index';
it('frames are 20 ms at 16 kHz', () => expect(FRAME_BYTES).toBe(640));
