import { maskKey } from '../../dev/seed/api-keys';

/** The voice URL with its key masked, for printing. */
export function maskedUrl(url: string): string {
  return url.replace(/sk_live_[A-Za-z0-9]{64}/, (key) => maskKey(key));
}
