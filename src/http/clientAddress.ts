import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Most X-Forwarded-For entries read; a longer chain is cut (a client can prepend anything). */
const MAX_FORWARDED = 32;

/**
 * Which peers are trusted reverse proxies (TRUST_PROXY): none, a number of hops in front of the
 * server, or address ranges. Only a trusted peer's X-Forwarded-For is believed.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: BlockList; text: string };

const ALIASES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
};

/**
 * Parses TRUST_PROXY: '' or 'false' → none; '1', '2'… → that many proxies in front;
 * otherwise a comma-separated list of addresses, CIDR ranges or the names loopback/private/linklocal.
 * Throws with a readable message when an entry is not understood.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Math.min(Number(value), MAX_FORWARDED) };
  const ranges = new BlockList();
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    for (const entry of ALIASES[raw.toLowerCase()] ?? [raw]) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address);
      if (!family) throw new Error(`"${raw}" is not an address, a CIDR range or loopback/private/linklocal`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) {
        ranges.addAddress(address, type);
        continue;
      }
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`"${raw}" has an invalid prefix length`);
      ranges.addSubnet(address, bits, type);
    }
  }
  return { kind: 'ranges', ranges, text: value };
}

/** '::ffff:1.2.3.4' → '1.2.3.4'; anything else unchanged. */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** True when the direct peer at `address` is a proxy we trust (its forwarded header is believed). */
export function isTrustedPeer(policy: TrustProxy, address: string): boolean {
  if (policy.kind === 'none') return false;
  if (policy.kind === 'hops') return policy.hops > 0;
  return inRanges(policy.ranges, address);
}

function inRanges(ranges: BlockList, address: string): boolean {
  const family = isIP(address);
  if (!family) return false;
  return ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The address of the client behind the proxies we trust: the socket's peer, then X-Forwarded-For
 * read from the right, one trusted hop at a time. Malformed entries end the walk.
 */
export function resolveClientAddress(req: IncomingMessage, policy: TrustProxy): string {
  const peer = normaliseAddress(req.socket?.remoteAddress);
  if (policy.kind === 'none') return peer;
  const header = req.headers['x-forwarded-for'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const forwarded = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(-MAX_FORWARDED)
    .reverse();
  // chain[0] is the peer; chain[i] is who chain[i-1] says it got the request from.
  const chain = [peer];
  for (const entry of forwarded) {
    const address = normaliseAddress(entry);
    if (!isIP(address)) break;
    chain.push(address);
  }
  if (policy.kind === 'hops') return chain[Math.min(policy.hops, chain.length - 1)];
  let index = 0;
  while (index < chain.length - 1 && inRanges(policy.ranges, chain[index])) index++;
  return chain[index];
}

const CLIENT_ADDRESS = Symbol('clientAddress');
type Marked = IncomingMessage & { [CLIENT_ADDRESS]?: string };

/** Remembers the resolved client address on the request (done once, by the server's first handler). */
export function markClientAddress(req: IncomingMessage, policy: TrustProxy): string {
  const address = resolveClientAddress(req, policy);
  (req as Marked)[CLIENT_ADDRESS] = address;
  return address;
}

/** The client address of a request: what the server resolved under TRUST_PROXY, else the socket peer. */
export function clientAddress(req: IncomingMessage): string {
  return (req as Marked)[CLIENT_ADDRESS] ?? normaliseAddress(req.socket?.remoteAddress);
}
