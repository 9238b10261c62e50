import { BusError } from '@parley/bus';

/** The contracts carry points as JSON numbers; a figure beyond 2^53 would be a ledger bug. */
export function toSafeNumber(points: bigint): number {
  const value = Number(points);
  if (!Number.isSafeInteger(value)) throw new BusError('INTERNAL_ERROR', 'points exceed the safe integer range');
  return value;
}
