const NAMESPACE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Prefixes every subject and stream name, so tests (or tenants of one NATS server)
 * never see each other's traffic. Without a namespace names pass through unchanged.
 */
export class Namespace {
  private readonly subjectPrefix: string;

  constructor(private readonly prefix?: string) {
    if (prefix !== undefined && !NAMESPACE.test(prefix)) {
      throw new RangeError(`namespace must be 1-32 letters, digits, "-" or "_": ${JSON.stringify(prefix)}`);
    }
    this.subjectPrefix = prefix ? `${prefix}.` : '';
  }

  subject(subject: string): string {
    return this.subjectPrefix + subject;
  }

  /** The contract subject of a received message. */
  strip(subject: string): string {
    return subject.startsWith(this.subjectPrefix) ? subject.slice(this.subjectPrefix.length) : subject;
  }

  /** Stream names may not contain dots, hence `_`. */
  stream(name: string): string {
    return this.prefix ? `${this.prefix}_${name}` : name;
  }
}
