import { randomUUID } from 'node:crypto';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { JsonText } from '../src/http/json-text';
import type { JsonPage } from '../src/http/json-page';
import { ListVersions, PageCache } from '../src/http/page-cache';

/** A list whose reads are counted; `rows` is what the database holds now. */
function countedList() {
  const list = {
    rows: ['a'],
    reads: 0,
    read: async (): Promise<JsonPage<string[]>> => {
      list.reads++;
      const rows = [...list.rows];
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { items: new JsonText(JSON.stringify(rows)), count: rows.length, total: rows.length };
    },
  };
  return list;
}

const shown = (page: JsonPage<string[]>) => JSON.parse(page.items.text) as string[];

describe('PageCache: list pages kept in process, versioned in real Redis', () => {
  let redis: Redis;
  let versions: ListVersions;
  const orgId = randomUUID();

  beforeAll(async () => {
    redis = new Redis((await testInfra()).redisUrl);
    versions = new ListVersions(redis, `${uniqueNamespace('page_cache')}:`);
  });

  afterAll(() => redis?.disconnect());

  it('serves a kept page until the list changes, then reads it again', async () => {
    const cache = new PageCache(versions, 60_000);
    const calls = countedList();
    expect(shown(await cache.page('calls', orgId, 'limit=50', calls.read))).toEqual(['a']);
    expect(shown(await cache.page('calls', orgId, 'limit=50', calls.read))).toEqual(['a']);
    expect(calls.reads).toBe(1);

    calls.rows.push('b');
    await versions.changed('calls', orgId);
    expect(shown(await cache.page('calls', orgId, 'limit=50', calls.read))).toEqual(['a', 'b']);
    expect(calls.reads).toBe(2);
  });

  it('sees a change counted by another process at its next read', async () => {
    const [here, there] = [new PageCache(versions, 60_000), new PageCache(versions, 60_000)];
    const agents = countedList();
    await here.page('agents', orgId, 'q', agents.read);
    await there.page('agents', orgId, 'q', agents.read);

    agents.rows = ['renamed'];
    await versions.changed('agents', orgId); // as the process that wrote would
    expect(shown(await here.page('agents', orgId, 'q', agents.read))).toEqual(['renamed']);
    expect(shown(await there.page('agents', orgId, 'q', agents.read))).toEqual(['renamed']);
  });

  it("keeps each organization's and each query's page apart", async () => {
    const cache = new PageCache(versions, 60_000);
    const mine = countedList();
    const theirs = countedList();
    theirs.rows = ['theirs'];
    const other = randomUUID();
    expect(shown(await cache.page('calls', orgId, 'offset=0', mine.read))).toEqual(['a']);
    expect(shown(await cache.page('calls', other, 'offset=0', theirs.read))).toEqual(['theirs']);
    await cache.page('calls', orgId, 'offset=50', mine.read);
    expect(mine.reads).toBe(2);
  });

  it('gives concurrent misses of one page a single read', async () => {
    const cache = new PageCache(versions, 60_000);
    const calls = countedList();
    const pages = await Promise.all(Array.from({ length: 20 }, () => cache.page('calls', orgId, 'herd', calls.read)));
    expect(pages.map(shown)).toEqual(Array.from({ length: 20 }, () => ['a']));
    expect(calls.reads).toBe(1);
  });

  it('never serves a page read before a change that counted while it was being read', async () => {
    const cache = new PageCache(versions, 60_000);
    const calls = countedList();
    const slowRead = async () => {
      const page = await calls.read();
      calls.rows = ['written meanwhile'];
      await versions.changed('calls', orgId);
      return page;
    };
    expect(shown(await cache.page('calls', orgId, 'race', slowRead))).toEqual(['a']);
    expect(shown(await cache.page('calls', orgId, 'race', calls.read))).toEqual(['written meanwhile']);
  });

  it('reads again once a page is older than the max age, and keeps nothing at 0', async () => {
    const aging = new PageCache(versions, 30);
    const calls = countedList();
    await aging.page('calls', orgId, 'age', calls.read);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await aging.page('calls', orgId, 'age', calls.read);
    expect(calls.reads).toBe(2);

    const off = new PageCache(versions, 0);
    await off.page('calls', orgId, 'age', calls.read);
    await off.page('calls', orgId, 'age', calls.read);
    expect(calls.reads).toBe(4);
  });

  it('forgets the least recently read pages past its memory bound', async () => {
    const cache = new PageCache(versions, 60_000, 25); // room for two pages of 11 characters
    const calls = countedList();
    calls.rows = ['0123456'];
    await cache.page('calls', orgId, 'p1', calls.read);
    await cache.page('calls', orgId, 'p2', calls.read);
    await cache.page('calls', orgId, 'p1', calls.read); // p1 is now the younger
    await cache.page('calls', orgId, 'p3', calls.read); // p2 goes
    expect(calls.reads).toBe(3);
    await cache.page('calls', orgId, 'p1', calls.read);
    expect(calls.reads).toBe(3);
    await cache.page('calls', orgId, 'p2', calls.read);
    expect(calls.reads).toBe(4);
  });

  it('reads from the database, never trusts a kept page, while Redis cannot be asked', async () => {
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const cache = new PageCache(new ListVersions(down, 'down:'), 60_000);
    const calls = countedList();
    await cache.page('calls', orgId, 'q', calls.read);
    calls.rows = ['fresh'];
    expect(shown(await cache.page('calls', orgId, 'q', calls.read))).toEqual(['fresh']);
    expect(calls.reads).toBe(2);
    down.disconnect();
  });
});
