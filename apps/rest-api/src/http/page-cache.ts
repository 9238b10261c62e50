import type { Redis } from 'ioredis';
import type { JsonPage } from './json-page';

/** The lists whose pages are kept: each organization has a version of each. */
export type CachedList = 'agents' | 'calls';

/** Bounds the memory of the kept pages; past it the least recently read go first. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * One counter per organization and list in Redis, shared by every process of every instance:
 * whoever writes the list moves it on after the write commits (`changed`). A page read after
 * the counter was read reflects at least every write counted so far.
 */
export class ListVersions {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  /** '0' until the list's first counted write. */
  async current(list: CachedList, orgId: string): Promise<string> {
    return (await this.redis.get(this.key(list, orgId))) ?? '0';
  }

  async changed(list: CachedList, orgId: string): Promise<void> {
    await this.redis.incr(this.key(list, orgId));
  }

  private key(list: CachedList, orgId: string): string {
    return `${this.keyPrefix}list-version:${list}:${orgId}`;
  }
}

interface KeptPage {
  readonly version: string;
  readonly page: JsonPage<unknown>;
  readonly expiresAt: number;
}

/**
 * The pages of the most-read lists (`GET /agents`, `GET /calls`), kept in process already
 * serialized, each stamped with the list's version when it was read. A request fetches the
 * version (one command, pipelined with the rate-limit check's) and is answered from memory
 * only while no write has counted since: a call event projected by any instance, an agent
 * changed through any of them, shows in the very next read. Concurrent misses of one page share
 * one read. A write that bypasses the API (a seed, a hand edit) shows within `maxAgeMs`; 0
 * keeps nothing. Without Redis the pages are read from the database, not served on trust.
 */
export class PageCache {
  private readonly pages = new Map<string, KeptPage>();
  private readonly reading = new Map<string, Promise<JsonPage<unknown>>>();
  private bytes = 0;

  constructor(
    private readonly versions: ListVersions,
    private readonly maxAgeMs: number,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  /** `query` names the page within the organization's list (its filters, limit and offset). */
  async page<T>(list: CachedList, orgId: string, query: string, read: () => Promise<JsonPage<T>>): Promise<JsonPage<T>> {
    if (this.maxAgeMs === 0) return read();
    const version = await this.versions.current(list, orgId).catch(() => undefined);
    if (version === undefined) return read();
    const key = `${list}:${orgId}:${query}`;
    const kept = this.pages.get(key);
    if (kept?.version === version && Date.now() < kept.expiresAt) {
      this.pages.delete(key); // re-inserted at the young end
      this.pages.set(key, kept);
      return kept.page as JsonPage<T>;
    }
    const flight = `${key}@${version}`;
    let reading = this.reading.get(flight);
    if (!reading) {
      reading = read()
        .then((page) => {
          this.keep(key, { version, page, expiresAt: Date.now() + this.maxAgeMs });
          return page;
        })
        .finally(() => this.reading.delete(flight));
      this.reading.set(flight, reading);
    }
    return reading as Promise<JsonPage<T>>;
  }

  private keep(key: string, page: KeptPage): void {
    this.forget(key);
    this.pages.set(key, page);
    this.bytes += sizeOf(page);
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(page);
  }
}

function sizeOf(kept: KeptPage): number {
  return kept.page.items.text.length;
}
