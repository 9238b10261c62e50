/**
 * JSON already serialized, of a `T` (Postgres builds the hot list pages as JSON): the envelope
 * splices the text in as it is, so it is neither parsed nor stringified again in the process.
 */
export class JsonText<T = unknown> {
  /** Only for the type: the value the text is the JSON of. */
  declare readonly valueType?: T;

  private encoded: Buffer | undefined;

  constructor(readonly text: string) {}

  /** The text as UTF-8, encoded on first use and kept: a kept page is encoded once. */
  get bytes(): Buffer {
    this.encoded ??= Buffer.from(this.text, 'utf8');
    return this.encoded;
  }
}
