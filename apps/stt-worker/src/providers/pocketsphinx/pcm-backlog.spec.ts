import { PcmBacklog } from './pcm-backlog';

describe('PcmBacklog', () => {
  it('hands samples out in the order they were written, across growth', () => {
    const backlog = new PcmBacklog(4, 100);
    backlog.append(Int16Array.of(1, 2, 3));
    backlog.append(Int16Array.of(4, 5, 6));
    const out = new Int16Array(4);

    expect(backlog.take(out, 10)).toBe(4);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
    expect(backlog.samples).toBe(2);
    expect(backlog.take(out, 10)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([5, 6]);
  });

  it('takes no more than the limit and keeps the rest', () => {
    const backlog = new PcmBacklog(8, 8);
    backlog.append(Int16Array.of(1, 2, 3, 4, 5));
    const out = new Int16Array(8);

    expect(backlog.take(out, 2)).toBe(2);
    expect(backlog.take(out, 8)).toBe(3);
    expect(Array.from(out.subarray(0, 3))).toEqual([3, 4, 5]);
  });

  it('refuses a frame that would pass the ceiling and keeps what it had', () => {
    const backlog = new PcmBacklog(2, 5);
    expect(backlog.append(Int16Array.of(1, 2, 3))).toBe(true);
    expect(backlog.append(Int16Array.of(4, 5, 6))).toBe(false);
    expect(backlog.samples).toBe(3);
  });

  it('copies frames, so the writer may reuse its buffer', () => {
    const backlog = new PcmBacklog(4, 8);
    const frame = Int16Array.of(7, 7);
    backlog.append(frame);
    frame.fill(0);
    const out = new Int16Array(2);
    backlog.take(out, 2);
    expect(Array.from(out)).toEqual([7, 7]);
  });
});
