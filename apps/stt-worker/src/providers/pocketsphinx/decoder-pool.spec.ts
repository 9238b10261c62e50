import { SttError } from '../stt-provider';
import { DecoderPool, PooledDecoder } from './decoder-pool';

/** A stand-in decoder that records when it is freed; the pool logic is what is under test. */
class Counted implements PooledDecoder {
  freed = false;
  constructor(readonly id: number) {}
  async free(): Promise<void> {
    this.freed = true;
  }
}

function countingBuilder(failAt?: number) {
  let built = 0;
  let running = 0;
  let maxRunning = 0;
  const build = async (): Promise<Counted> => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    built++;
    if (built === failAt) throw new SttError('config', 'model missing');
    return new Counted(built);
  };
  return { build, stats: () => ({ built, maxRunning }) };
}

describe('DecoderPool', () => {
  it('keeps the spare count built, one build at a time', async () => {
    const { build, stats } = countingBuilder();
    const pool = new DecoderPool(build, { max: 4, spare: 2 });
    await pool.warm();
    const a = await pool.acquire();
    const b = await pool.acquire();
    await pool.acquire();

    expect(a.id).toBe(1);
    expect(b.id).toBe(2);
    expect(pool.size.inUse).toBe(3);
    expect(pool.size.ready).toBe(1);
    await pool.close();
    expect(stats().maxRunning).toBe(1);
  });

  it('refuses a decoder beyond the maximum as retryable overload', async () => {
    const { build } = countingBuilder();
    const pool = new DecoderPool(build, { max: 1, spare: 1 });
    await pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ kind: 'overloaded', retryable: true });
    await pool.close();
  });

  it('keeps a released decoder as the spare and frees the ones beyond it', async () => {
    const { build } = countingBuilder();
    const pool = new DecoderPool(build, { max: 2, spare: 1 });
    const a = await pool.acquire();
    const b = await pool.acquire();
    await pool.release(a);
    await pool.release(b);

    expect(a.freed).toBe(false);
    expect(b.freed).toBe(true);
    const again = await pool.acquire();
    expect(again).toBe(a);

    await pool.close();
    expect(a.freed).toBe(false);
    await pool.release(again);
    expect(a.freed).toBe(true);
  });

  it('hands a failed background build to the next caller instead of dropping it', async () => {
    const { build } = countingBuilder(2);
    const pool = new DecoderPool(build, { max: 3, spare: 1 });
    await pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ kind: 'config', message: 'model missing' });
    expect(pool.size.inUse).toBe(1);
    await pool.close();
  });
});
