import { availableParallelism } from 'node:os';

/**
 * koffi runs every asynchronous engine call (pocketsphinx's `ps_process_raw`, `ps_end_utt`, `ps_init`)
 * on libuv's thread pool, which has 4 threads by default and also serves fs and dns. Each live session
 * keeps one engine call in flight, so with more sessions than threads, decoding queues behind itself
 * and a finalisation waits for other calls' audio. One thread per core keeps the cores busy; two more
 * keep fs and dns from waiting behind a pool full of decoders. libuv reads the variable once, when the
 * pool starts, so this module is imported before anything else; an operator's own value wins.
 */
process.env['UV_THREADPOOL_SIZE'] ??= String(availableParallelism() + 2);
