import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Bus, type ConsumedEvent } from '@parley/bus';
import { type EventSubject, eventSubjects, streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { ListVersions } from '../http/page-cache';
import { CallsProjectionRepository } from './calls-projection.repository';
import { isUuid } from './uuid';

/** Shared by every rest-api instance, so each call event is projected once. */
export const CALL_EVENTS_DURABLE = 'rest-api-calls';
/** billing's settlements and the dialer's reports: other streams, so durables of their own. */
export const CALL_COSTS_DURABLE = 'rest-api-call-costs';
export const CALL_REPORTS_DURABLE = 'rest-api-call-reports';

type CallsEvent = ConsumedEvent<EventSubject>;

/**
 * Projects the gateway's call events (CALL stream), billing's settlements (BILLING) and the
 * dialer's reports (DIALER) into the calls read model, through durable consumers with explicit acks: events published
 * while rest-api is down are projected when it starts, and a failed write is retried.
 */
@Injectable()
export class CallEventsConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(CallsProjectionRepository) private readonly projection: CallsProjectionRepository,
    @Inject(ListVersions) private readonly versions: ListVersions,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.consume(streams.call, CALL_EVENTS_DURABLE, (event) => this.handle(event));
    await this.bus.consume(streams.billing, CALL_COSTS_DURABLE, (event) => this.handle(event), {
      filterSubject: eventSubjects.callSettled,
    });
    await this.bus.consume(streams.dialer, CALL_REPORTS_DURABLE, (event) => this.handle(event), {
      filterSubject: eventSubjects.callReported,
    });
  }

  async handle(event: CallsEvent): Promise<void> {
    if (!hasStorableIds(event)) {
      // The read model keys on uuids; a test client's `call-1` cannot be stored and never will.
      this.log.warn({ subject: event.subject, streamSeq: event.streamSeq }, 'call event without uuid ids skipped');
      return;
    }
    await this.project(event);
    // After the write: a page read from here on shows it. A failure redelivers the event.
    await this.versions.changed('calls', event.payload.orgId);
  }

  private project(event: CallsEvent): Promise<void> {
    switch (event.subject) {
      case eventSubjects.callStarted:
        return this.projection.started(event.payload);
      case eventSubjects.callEnded:
        return this.projection.ended(event.payload);
      case eventSubjects.transcriptAppended:
        return this.projection.transcriptAppended(event.payload);
      case eventSubjects.recordingStarted:
        return this.projection.recordingStarted(event.payload);
      case eventSubjects.recordingStopped:
        return this.projection.recordingStopped(event.payload);
      case eventSubjects.callSettled:
        return this.projection.settled(event.payload);
      case eventSubjects.callReported:
        return this.projection.reported(event.payload);
      default:
        return Promise.resolve();
    }
  }
}

function hasStorableIds({ payload }: CallsEvent): boolean {
  if (!('callId' in payload) || !isUuid(payload.callId) || !isUuid(payload.orgId)) return false;
  if ('agentId' in payload && !isUuid(payload.agentId)) return false;
  return !('recordingId' in payload) || isUuid(payload.recordingId);
}
