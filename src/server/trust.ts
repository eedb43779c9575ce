/**
 * Who counts as the trainer, and whose address a request comes from.
 *
 * The trainer is whoever holds the trainer key, or a connection from this machine itself: from
 * a loopback address, with no forwarding header (a proxy or tunnel on this machine would make
 * every visitor look local), naming this machine in its Host header (a tunnel such as ssh -R or
 * a rebound DNS name arrives with another name), from a page of this machine if it says
 * (Origin: another site's page must not drive the trainer's socket), and only when the server
 * is not published behind a proxy (DOJO_PUBLIC_URL unset).
 *
 * A client's address is the connection's own, unless the operator says how many proxies stand
 * in front (DOJO_TRUST_PROXY=N): then it is the Nth X-Forwarded-For entry from the right, the
 * one the outermost trusted proxy saw. The entries further left are whatever the client wrote.
 */
import { isIP } from 'node:net';

export interface Trust {
  trainerKey: string;
  /** Connections from this machine may be the trainer (off behind a public proxy). */
  trustLoopback: boolean;
  /** Host names this machine answers to besides localhost (its own hostname). */
  localNames?: readonly string[];
}

export type Headers = Record<string, string | string[] | undefined>;

export interface Peer {
  /** The connection's own address. */
  address: string | undefined;
  headers: Headers;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
/** Headers proxies and tunnels add: any of them means the request did not start here. */
const FORWARDING = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'via', 'x-forwarded-host', 'x-forwarded-proto', 'cf-connecting-ip', 'true-client-ip', 'x-client-ip'];

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);

/** Whether a proxy or tunnel says it passed this request on. */
export function forwarded(headers: Headers): boolean {
  return FORWARDING.some((h) => headers[h] !== undefined);
}

/** The host name of a Host header or an Origin URL, lower case, without port or brackets. */
function hostName(v: string | undefined, isUrl: boolean): string | undefined {
  if (!v) return undefined;
  try {
    return new URL(isUrl ? v : `http://${v}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function localName(name: string | undefined, t: Trust): boolean {
  if (!name) return false;
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name) || name === '::ffff:7f00:1') return true;
  return (t.localNames ?? []).some((n) => n.toLowerCase() === name);
}

/** A connection from this machine, by itself (see the file's note). */
export function isLocal(t: Trust, peer: Peer): boolean {
  if (!t.trustLoopback || !LOOPBACK.test(peer.address ?? '') || forwarded(peer.headers)) return false;
  if (!localName(hostName(one(peer.headers.host), false), t)) return false;
  const origin = one(peer.headers.origin);
  return origin === undefined || localName(hostName(origin, true), t);
}

export function isTrainer(t: Trust, peer: Peer | undefined, key: unknown): boolean {
  return (typeof key === 'string' && key.length > 0 && key === t.trainerKey) || (!!peer && isLocal(t, peer));
}

/** An address as written in a header: without port, brackets or an IPv4-mapped prefix; undefined if it is none. */
function parseAddress(s: string): string | undefined {
  let a = s.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  return isIP(a) ? a : undefined;
}

/**
 * The client's address: with `trustedHops` proxies in front, the entry that many places from
 * the right of X-Forwarded-For (or its leftmost, if the list is shorter); the connection's own
 * address when no proxy is trusted, when there is no such header, or when that entry is not an
 * address.
 */
export function clientAddress(peer: Peer, trustedHops: number): string {
  const own = peer.address ?? '';
  const xff = one(peer.headers['x-forwarded-for']);
  if (trustedHops <= 0 || !xff) return own;
  const entries = xff.split(',');
  const entry = entries[Math.max(0, entries.length - trustedHops)]!;
  return parseAddress(entry) ?? own;
}

/**
 * The key limits count an address under: an IPv6 address by its /64 (one home, one phone on
 * a mobile network, has a whole /64 to pick from), an IPv4-mapped address as plain IPv4.
 */
export function addressKey(address: string): string {
  const a = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  if (isIP(a) !== 6) return a;
  const [head = '', tail = ''] = a.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * One warning, the first time a request arrives through a proxy on a server that was not told
 * it stands behind one: visitors through it are not the trainer (and not counted apart).
 */
export function proxyWatch(o: { publicUrl?: string; trustProxy: number; warn: (m: string) => void }): (headers: Headers) => void {
  let warned = false;
  return (headers) => {
    if (warned || !forwarded(headers)) return;
    if (o.publicUrl && o.trustProxy > 0) return;
    warned = true;
    const what = FORWARDING.filter((h) => headers[h] !== undefined).join(', ');
    const missing = [!o.publicUrl && 'DOJO_PUBLIC_URL', o.trustProxy <= 0 && 'DOJO_TRUST_PROXY'].filter(Boolean).join(' and ');
    o.warn(
      `warning: a request came through a proxy or tunnel (${what}), but ${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set. ` +
        'Connections through it are never treated as the trainer (use the trainer link), and without DOJO_TRUST_PROXY every trainee behind it counts as one address for the join limit and the connection cap. ' +
        'Set DOJO_PUBLIC_URL to the address trainees use and DOJO_TRUST_PROXY to the number of proxies in front (1 for one nginx or tunnel).',
    );
  };
}
