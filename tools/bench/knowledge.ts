/**
 * Knowledge search latency (lexical, the default with no embeddings provider), run by hand (needs
 * Postgres and NATS):
 *   node -r @swc-node/register tools/bench/knowledge.ts [--chunks 10000] [--searches 500] [--json]
 * Seeds --chunks chunks of varied support-desk prose (about 400 characters each, a fixed random
 * seed) into a fresh database, five knowledge bases of one organization plus as many chunks of
 * another organization, then runs --searches spoken-style questions, one at a time, top_k 5,
 * against the one base the question targets:
 *   sql  KnowledgeSearchService.search in process (Prisma, websearch_to_tsquery + ts_rank_cd);
 *   rpc  knowledge.v1.rpc.search over NATS, as the LLM worker asks (the same service behind it).
 * Target (issue 8): p95 ≤ 20 ms over 10,000 chunks.
 */
import { randomUUID } from 'node:crypto';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { createPrismaClient, type KnowledgeClient, slice } from '@parley/db-knowledge';
import { createLogger } from '@parley/logging';
import { createTestDatabase, uniqueNamespace } from '@parley/testing';
import { loadConfig } from '../../apps/rest-api/src/config';
import { EmbeddingsClient } from '../../apps/rest-api/src/knowledge/embeddings.client';
import { KnowledgeBasesRepository } from '../../apps/rest-api/src/knowledge/knowledge-bases.repository';
import { KnowledgeSearchRepository } from '../../apps/rest-api/src/knowledge/knowledge-search.repository';
import { KnowledgeSearchRpc } from '../../apps/rest-api/src/knowledge/knowledge-search.rpc';
import { KnowledgeSearchService } from '../../apps/rest-api/src/knowledge/knowledge-search.service';
import { parseBenchArgs } from './support/bench-args';
import { NATS_URL } from './support/infra-urls';
import { distribution, type Distribution } from './support/stats';
import { fmt, printTable, verdict } from './support/table';
import { seededRandom } from '../../libs/audio/src/testing/seeded-random';

const USAGE = `Usage: node -r @swc-node/register tools/bench/knowledge.ts [options]

  --chunks N     chunks of the searched organization (default 10000; as many again for another org)
  --searches N   searches per path (default 500)
  --keep         keep the seeded database (its URL is printed) to look at query plans
  --json         print the figures as one JSON document
  --help         this text`;

const BASES = 5;
const TARGET_P95_MS = 20;

const TOPICS = ['refund', 'shipping', 'invoice', 'password', 'subscription', 'warranty', 'delivery', 'account', 'order', 'coupon',
  'battery', 'charger', 'router', 'printer', 'headphones', 'laptop', 'camera', 'tablet', 'monitor', 'keyboard', 'appointment',
  'prescription', 'insurance', 'mortgage', 'loan', 'savings', 'transfer', 'card', 'pin', 'statement', 'booking', 'flight',
  'luggage', 'seat', 'hotel', 'parking', 'membership', 'gym', 'class', 'trainer', 'menu', 'allergy', 'reservation', 'catering'];
const VERBS = ['cancel', 'change', 'reset', 'track', 'return', 'renew', 'upgrade', 'update', 'pay', 'book', 'replace', 'repair',
  'activate', 'close', 'transfer', 'confirm', 'schedule', 'extend', 'download', 'register'];
const DETAILS = ['within thirty days', 'on weekdays from nine to five', 'through the mobile app', 'at any of our stores',
  'by phone or email', 'with the original receipt', 'for a small fee', 'free of charge for members', 'in two business days',
  'after identity verification', 'before the due date', 'from your online account', 'with a valid photo ID',
  'once the payment has cleared', 'unless the item is damaged', 'in most countries', 'during the holiday season'];

function chunkText(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sentences: string[] = [];
  while (sentences.join(' ').length < 380) {
    const topic = pick(TOPICS);
    sentences.push(
      random() < 0.5
        ? `You can ${pick(VERBS)} your ${topic} ${pick(DETAILS)}.`
        : `To ${pick(VERBS)} a ${topic} or ${pick(TOPICS)}, contact support ${pick(DETAILS)}; we ${pick(VERBS)} it ${pick(DETAILS)}.`,
    );
  }
  return sentences.join(' ');
}

function question(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const forms = [
    () => `How do I ${pick(VERBS)} my ${pick(TOPICS)}?`,
    () => `Can I ${pick(VERBS)} the ${pick(TOPICS)} ${pick(DETAILS)}?`,
    () => `what happens to my ${pick(TOPICS)} if I ${pick(VERBS)} my ${pick(TOPICS)}`,
    () => `${pick(TOPICS)} ${pick(VERBS)}`,
  ];
  return pick(forms)();
}

async function seed(db: KnowledgeClient, orgId: string, chunks: number, random: () => number): Promise<string[]> {
  const bases: string[] = [];
  for (let i = 0; i < BASES; i++) bases.push((await db.knowledgeBase.create({ data: { orgId, name: `Bench ${i}` } })).id);
  for (let start = 0; start < chunks; start += 1_000) {
    const data = Array.from({ length: Math.min(1_000, chunks - start) }, (_, offset) => ({
      // A base's chunks arrive together, as a document upload inserts them.
      knowledgeBaseId: bases[Math.floor(((start + offset) * BASES) / chunks)] as string,
      content: chunkText(random),
      source: 'bench',
      chunkIndex: start + offset,
    }));
    await db.knowledgeChunk.createMany({ data });
  }
  return bases;
}

async function timed(count: number, random: () => number, bases: readonly string[], run: (base: string, q: string) => Promise<number>) {
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length] as string;
    const q = question(random);
    const started = performance.now();
    hits += (await run(base, q)) > 0 ? 1 : 0;
    samples.push(performance.now() - started);
  }
  return { latency: distribution(samples), withResults: hits / count };
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    chunks: { type: 'string' },
    searches: { type: 'string' },
    keep: { type: 'boolean' },
  });
  const keep = process.argv.includes('--keep');
  const chunks = args.int('chunks', 10_000);
  const searches = args.int('searches', 500);
  const database = await createTestDatabase([slice]);
  const db = createPrismaClient(database.url);
  const namespace = uniqueNamespace('bench_knowledge');
  const server = await Bus.connect({ url: NATS_URL, name: 'bench-knowledge-server', namespace });
  const client = await Bus.connect({ url: NATS_URL, name: 'bench-knowledge-client', namespace });
  try {
    const orgId = randomUUID();
    const random = seededRandom(42); // every run seeds the same text
    const seedStarted = performance.now();
    const bases = await seed(db, orgId, chunks, random);
    await seed(db, randomUUID(), chunks, random);
    await db.$executeRawUnsafe('ANALYZE chunks');
    const seedMs = performance.now() - seedStarted;

    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const service = new KnowledgeSearchService(new KnowledgeSearchRepository(db), new EmbeddingsClient(config), createLogger({ service: 'bench', level: 'silent' }));
    new KnowledgeSearchRpc(server, new KnowledgeBasesRepository(db), service).onModuleInit();

    const viaSql = (base: string, q: string) => service.search(orgId, [base], q, 5).then((outcome) => outcome.results.length);
    const viaRpc = (base: string, q: string) =>
      client.request(rpcSubjects.knowledgeSearch, { orgId, knowledgeBaseIds: [base], query: q, topK: 5 }, { timeoutMs: 5_000 }).then((reply) => reply.results.length);
    await timed(50, random, bases, viaSql);
    await timed(50, random, bases, viaRpc);
    const sql = await timed(searches, random, bases, viaSql);
    const rpc = await timed(searches, random, bases, viaRpc);
    report({ chunks, searches, seedMs, sql, rpc }, args.json);
  } finally {
    await client.drain();
    await server.drain();
    await db.$disconnect();
    if (keep) console.log(`kept ${database.url}`);
    else await database.drop();
  }
}

interface Figures {
  readonly chunks: number;
  readonly searches: number;
  readonly seedMs: number;
  readonly sql: { latency: Distribution; withResults: number };
  readonly rpc: { latency: Distribution; withResults: number };
}

function report(figures: Figures, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  console.log(`${figures.chunks} chunks searched (${figures.chunks * 2} stored, 2 orgs), ${figures.searches} searches per path, seeded in ${fmt(figures.seedMs / 1000, 1)} s\n`);
  const row = (name: string, r: Figures['sql']) => [
    name,
    fmt(r.latency.p50, 2),
    fmt(r.latency.p95, 2),
    fmt(r.latency.p99, 2),
    fmt(r.latency.max, 2),
    `${fmt(r.withResults * 100)}%`,
    verdict(r.latency.p95, TARGET_P95_MS),
  ];
  printTable(['path', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'with hits', `p95 ≤ ${TARGET_P95_MS} ms`], [row('sql', figures.sql), row('rpc', figures.rpc)]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
