import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STT_SAMPLE_RATE, SttError, SttProvider, SttSession, SttSessionListener, SttSessionOptions } from '../stt-provider';
import { DecoderPool } from './decoder-pool';
import { PocketsphinxDecoder } from './pocketsphinx-decoder';
import { PocketsphinxLibrary } from './pocketsphinx-library';
import { PocketsphinxSession } from './pocketsphinx-session';

export interface PocketsphinxOptions {
  /** Folder holding `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict`. */
  readonly modelDir?: string;
  /** Concurrent sessions at most; each holds its own decoder of about 90 MB. */
  readonly maxSessions?: number;
  /** Decoders kept loaded and idle (at least one) so a new call starts at once instead of after 0.2–0.6 s. */
  readonly spareDecoders?: number;
  /** Default minimum audio between interim results, in ms. */
  readonly interimIntervalMs?: number;
  /** Audio a session may hold while the engine catches up before it fails as overloaded, in ms. */
  readonly maxBacklogMs?: number;
}

/** Audio at this rate or below has no band above 4 kHz for the wideband model (see TelephoneBand). */
const TELEPHONE_RATE = 8000;

/** Where Debian's `pocketsphinx-en-us` puts the US English models. */
export const DEBIAN_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

const DEFAULTS: Required<PocketsphinxOptions> = {
  modelDir: DEBIAN_MODEL_DIR,
  maxSessions: 8,
  spareDecoders: 1,
  interimIntervalMs: 250,
  maxBacklogMs: 5_000,
};

/** The acoustic model folder, language model and dictionary inside `modelDir`. */
function modelFiles(modelDir: string) {
  return {
    hmm: join(modelDir, 'en-us'),
    lm: join(modelDir, 'en-us.lm.bin'),
    dict: join(modelDir, 'cmudict-en-us.dict'),
  };
}

/** Decoder arguments. `-fwdflat no` keeps accuracy on this model and cuts finalisation 3–5 times. */
function decoderArguments(modelDir: string): string[] {
  const { hmm, lm, dict } = modelFiles(modelDir);
  return ['-hmm', hmm, '-lm', lm, '-dict', dict, '-fwdflat', 'no'];
}

/** Says which file is missing, which pocketsphinx itself would not. */
function checkModelFiles(modelDir: string): void {
  for (const file of Object.values(modelFiles(modelDir))) {
    if (!existsSync(file)) {
      throw new SttError('config', `pocketsphinx model file ${file} is missing; install Debian package pocketsphinx-en-us`);
    }
  }
}

/** Embedded US English recognition: libpocketsphinx in-process, one pooled decoder per concurrent call. */
export class PocketsphinxProvider implements SttProvider {
  readonly name = 'pocketsphinx';
  private readonly options: Required<PocketsphinxOptions>;
  private pool: DecoderPool<PocketsphinxDecoder> | null = null;
  private readonly sessions = new Set<PocketsphinxSession>();
  private closed = false;

  constructor(options: PocketsphinxOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  async load(): Promise<void> {
    if (this.pool) return;
    checkModelFiles(this.options.modelDir);
    const args = decoderArguments(this.options.modelDir);
    const library = PocketsphinxLibrary.open();
    const pool = new DecoderPool(() => PocketsphinxDecoder.create(library, args), {
      max: this.options.maxSessions,
      spare: Math.max(1, this.options.spareDecoders),
    });
    await pool.warm();
    this.pool = pool;
  }

  openSession(listener: SttSessionListener, options: SttSessionOptions = {}): SttSession {
    if (this.closed) throw new SttError('closed', 'the pocketsphinx provider is closed');
    if (!this.pool) throw new SttError('config', 'pocketsphinx is not loaded; call load() first');
    const tuning = {
      interimIntervalMs: options.interimIntervalMs ?? this.options.interimIntervalMs,
      maxBacklogMs: this.options.maxBacklogMs,
      telephone: (options.sourceRate ?? STT_SAMPLE_RATE) <= TELEPHONE_RATE,
    };
    const session = new PocketsphinxSession(this.pool, listener, tuning, (closed) => this.sessions.delete(closed));
    this.sessions.add(session);
    return session;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions].map((session) => session.close()));
    await this.pool?.close();
    this.pool = null;
  }
}
