/** `<domain>.v1.evt.<entity>.<past-verb>`: a fact, stored in its domain's JetStream stream. */
function eventSubject<D extends string, E extends string, V extends string>(domain: D, entity: E, verb: V) {
  return `${domain}.v1.evt.${entity}.${verb}` as const;
}

/** Every event subject of a domain, as its stream captures them. */
export function domainEventsWildcard<D extends string>(domain: D) {
  return `${domain}.v1.evt.>` as const;
}

export const eventSubjects = {
  callStarted: eventSubject('call', 'call', 'started'),
  transcriptAppended: eventSubject('call', 'transcript', 'appended'),
  callEnded: eventSubject('call', 'call', 'ended'),
  recordingStarted: eventSubject('call', 'recording', 'started'),
  recordingStopped: eventSubject('call', 'recording', 'stopped'),
  keyRevoked: eventSubject('identity', 'key', 'revoked'),
  agentChanged: eventSubject('agents', 'agent', 'changed'),
  usageRecorded: eventSubject('metering', 'usage', 'recorded'),
  callSettled: eventSubject('billing', 'call', 'settled'),
  taskWebhookRequested: eventSubject('dialer', 'task', 'webhook-requested'),
  callReported: eventSubject('dialer', 'call', 'reported'),
  webhookEndpointDisabled: eventSubject('webhooks', 'endpoint', 'disabled'),
  knowledgeDocumentUploaded: eventSubject('knowledge', 'document', 'uploaded'),
  knowledgeReindexed: eventSubject('knowledge', 'knowledge-base', 'reindexed'),
} as const;

export type EventSubject = (typeof eventSubjects)[keyof typeof eventSubjects];
