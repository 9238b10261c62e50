import type { FakeTwilioCall } from './fake-twilio-call';

/** A call as Twilio's REST API answers it (JSON, snake_case, RFC 2822 dates). */
export function callResource(call: FakeTwilioCall, accountSid: string) {
  const uri = `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`;
  const duration = call.startedAt && call.endedAt ? Math.round((call.endedAt.getTime() - call.startedAt.getTime()) / 1000) : null;
  return {
    sid: call.sid,
    account_sid: accountSid,
    parent_call_sid: null,
    to: call.params.To,
    to_formatted: call.params.To,
    from: call.params.From,
    from_formatted: call.params.From,
    phone_number_sid: null,
    status: call.status,
    start_time: rfc2822(call.startedAt),
    end_time: rfc2822(call.endedAt),
    duration: duration === null ? null : String(duration),
    price: null,
    price_unit: 'USD',
    direction: 'outbound-api',
    answered_by: call.answeredBy,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    annotation: null,
    date_created: rfc2822(call.createdAt),
    date_updated: rfc2822(new Date()),
    uri,
    subresource_uris: {
      notifications: uri.replace('.json', '/Notifications.json'),
      recordings: uri.replace('.json', '/Recordings.json'),
      streams: uri.replace('.json', '/Streams.json'),
    },
  };
}

function rfc2822(date: Date | null): string | null {
  return date ? date.toUTCString().replace('GMT', '+0000') : null;
}
