import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Why the platform may not send a request to a URL (scheme, non-public address, no address):
 * final, never retried. The message is safe to show the URL's owner; the refused address, when
 * there is one, is in `address`.
 */
export class OutboundTargetRefused extends Error {
  override readonly name = 'OutboundTargetRefused';

  constructor(
    message: string,
    readonly address?: string,
  ) {
    super(message);
  }
}

/** The URL's host did not resolve: not final, DNS answers come back (a zone being fixed, a resolver hiccup). */
export class OutboundHostUnresolved extends Error {
  override readonly name = 'OutboundHostUnresolved';
}

/** Where to connect: the address checked here, so a second DNS answer cannot redirect the request. */
export interface OutboundTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges. */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True for an address the platform must not reach unless its host is allow-listed. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return NON_PUBLIC.check(mapped[1], 'ipv4');
  return NON_PUBLIC.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Decides whether the platform may send a request to a customer's URL (a webhook, a custom
 * tool) and to which address: https to public addresses only, unless the host is allow-listed
 * (local development and tests), which may also use plain http. Every address the name resolves
 * to must pass, so a name with one private answer is refused outright and a customer's URL
 * cannot reach the platform's own network.
 */
export class OutboundTargetGuard {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedHosts: readonly string[]) {
    this.allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  }

  async resolve(rawUrl: string): Promise<OutboundTarget> {
    const url = new URL(rawUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const allowListed = this.allowed.has(host);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowListed)) {
      throw new OutboundTargetRefused(`only https URLs may be called (${url.protocol} given)`);
    }
    const answers = await resolveHost(host);
    const refused = answers.find((answer) => isNonPublicAddress(answer.address));
    if (refused && !allowListed) {
      throw new OutboundTargetRefused('the host resolves to a non-public address', refused.address);
    }
    const [first] = answers;
    if (!first) throw new OutboundTargetRefused('the host has no address');
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }
}

async function resolveHost(host: string): Promise<{ address: string; family: number }[]> {
  if (isIP(host)) return [{ address: host, family: isIP(host) }];
  try {
    return await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new OutboundHostUnresolved(`the host does not resolve (${code})`, { cause: err });
  }
}
