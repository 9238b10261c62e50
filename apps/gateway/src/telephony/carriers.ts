import type { CarrierProtocol } from './carrier-protocol';
import { exotelProtocol } from './exotel-protocol';
import { plivoProtocol } from './plivo-protocol';
import { telnyxProtocol } from './telnyx-protocol';
import { twilioProtocol } from './twilio-protocol';
import { vonageProtocol } from './vonage-protocol';

/** Every carrier served on `/telephony/<name>/...`; adding one is its file and one line here. */
const CARRIERS: readonly CarrierProtocol[] = [twilioProtocol, vonageProtocol, exotelProtocol, plivoProtocol, telnyxProtocol];

const byName = new Map(CARRIERS.map((carrier) => [carrier.name, carrier]));

export function carrierNamed(name: string): CarrierProtocol | undefined {
  return byName.get(name);
}

export function carrierNames(): string[] {
  return [...byName.keys()];
}
