import { untilAborted } from './until-aborted';

async function* numbers(log: string[], stall?: Promise<void>): AsyncGenerator<number> {
  try {
    yield 1;
    await stall;
    yield 2;
    yield 3;
  } finally {
    log.push('closed');
  }
}

async function drain<T>(source: AsyncIterable<T>, onItem: (item: T) => void = () => undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) {
    items.push(item);
    onItem(item);
  }
  return items;
}

describe('untilAborted', () => {
  let closeErrors: unknown[] = [];
  const onCloseError = (err: unknown) => closeErrors.push(err);

  afterEach(() => {
    expect(closeErrors).toEqual([]);
    closeErrors = [];
  });

  it('passes every item through when nothing aborts', async () => {
    const log: string[] = [];
    await expect(drain(untilAborted(numbers(log), new AbortController().signal, onCloseError))).resolves.toEqual([1, 2, 3]);
    expect(log).toEqual(['closed']);
  });

  it('yields nothing for a signal already aborted', async () => {
    await expect(drain(untilAborted(numbers([]), AbortSignal.abort(), onCloseError))).resolves.toEqual([]);
  });

  it('ends at once while the source is stalled, and closes the source once it wakes', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    let wake!: () => void;
    const stall = new Promise<void>((resolve) => (wake = resolve));
    const items = drain(untilAborted(numbers(log, stall), controller.signal, onCloseError), () =>
      setImmediate(() => controller.abort()),
    );
    await expect(items).resolves.toEqual([1]);
    expect(log).toEqual([]);
    wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['closed']);
  });

  it('passes on a failure of the source', async () => {
    async function* failing() {
      yield 1;
      throw new Error('model went away');
    }
    await expect(drain(untilAborted(failing(), new AbortController().signal, onCloseError))).rejects.toThrow('model went away');
  });

  it('reports a source that fails while closing after an abort', async () => {
    const controller = new AbortController();
    const badCloseErrors: unknown[] = [];
    async function* badClose() {
      try {
        yield 1;
        yield 2;
      } finally {
        // eslint-disable-next-line no-unsafe-finally -- the failure under test
        throw new Error('close failed');
      }
    }
    await drain(untilAborted(badClose(), controller.signal, (err) => badCloseErrors.push(err)), () => controller.abort());
    await new Promise((resolve) => setImmediate(resolve));
    expect(badCloseErrors).toEqual([new Error('close failed')]);
  });
});
