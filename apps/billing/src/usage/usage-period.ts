import type { UsagePeriod } from '@parley/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant of a reporting period: `today` from UTC midnight, `all` from the epoch. */
export function periodStart(period: UsagePeriod, now: Date): Date {
  switch (period) {
    case 'today':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    case '7d':
      return new Date(now.getTime() - 7 * DAY_MS);
    case '30d':
      return new Date(now.getTime() - 30 * DAY_MS);
    case 'all':
      return new Date(0);
  }
}
