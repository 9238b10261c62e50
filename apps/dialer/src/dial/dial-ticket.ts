import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: as hard to guess as an API key. */
const TICKET_BYTES = 32;

export interface DialTicket {
  /** base64url, handed to the provider inside the gateway URL; never stored. */
  readonly ticket: string;
  /** Hex SHA-256 of `ticket`: what the dialer stores and the gateway sends back. */
  readonly hash: string;
}

/** A fresh one-time ticket for one placed call. */
export function newDialTicket(): DialTicket {
  const ticket = randomBytes(TICKET_BYTES).toString('base64url');
  return { ticket, hash: hashDialTicket(ticket) };
}

export function hashDialTicket(ticket: string): string {
  return createHash('sha256').update(ticket, 'utf8').digest('hex');
}
