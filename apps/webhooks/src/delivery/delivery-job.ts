/** A delivery claimed for an attempt: everything the attempt needs, nothing it does not. */
export interface DeliveryJob {
  readonly id: string;
  readonly orgId: string;
  readonly endpointId: string | null;
  readonly taskId: string | null;
  readonly url: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
  readonly attempts: number;
  readonly scheduleStart: number;
  /** The endpoint's current secret (the org's task key for a task webhook); null once the endpoint is gone. */
  readonly secret: string | null;
}

/** What one attempt came to, as the repository records it. */
export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly status: number; readonly latencyMs: number }
  | {
      readonly kind: 'retry' | 'failed';
      readonly status: number | null;
      readonly latencyMs: number | null;
      readonly error: string;
      /** When `retry`: the next attempt is due this many milliseconds from now. */
      readonly retryInMs?: number;
    };
