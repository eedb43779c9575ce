/**
 * Where trainees join (the host lobby's join link and QR code, the start-up message): the address phones in the room
 * can reach. Behind a proxy, its public address (DOJO_PUBLIC_URL). Listening on every address (the default), this
 * machine's LAN address. Listening on loopback only (`--host 127.0.0.1`, `::1`, `localhost`), no phone can reach the
 * server whatever address is shown (play-test: the LAN address was advertised all the same and phones timed out), so
 * the loopback address itself, marked unreachable for the host page to say so and how to start the server instead.
 */
import { isIP } from 'node:net';

export interface JoinBase {
  /** The base URL of the join link (no trailing slash); none when this machine has no LAN address to give. */
  base?: string;
  /** The server listens on loopback only: phones cannot reach it. */
  loopbackOnly: boolean;
}

export interface JoinBaseInput {
  /** The address the server listens on (--host); absent, empty, 0.0.0.0 or ::, every address. */
  host?: string;
  port: number;
  /** DOJO_PUBLIC_URL. */
  publicUrl?: string;
  /** This machine's LAN IPv4 addresses, the first one used. */
  lan: readonly string[];
}

/** A loopback address: localhost, 127.0.0.0/8, ::1 (IPv6 written with or without brackets, IPv4-mapped too). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = h.replace(/^::ffff:/, '');
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return isIP(h) === 6 && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(h);
}

const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);

/** A host as it is written in a URL (an IPv6 address in brackets). */
const inUrl = (host: string) => (isIP(host) === 6 ? `[${host}]` : host);

export function joinBase(o: JoinBaseInput): JoinBase {
  if (o.publicUrl) return { base: o.publicUrl.replace(/\/+$/, ''), loopbackOnly: false };
  const host = o.host?.trim() ?? '';
  if (host && isLoopback(host)) return { base: `http://${inUrl(host.replace(/^\[(.*)\]$/, '$1'))}:${o.port}`, loopbackOnly: true };
  // One address of this machine's chosen: that one is where it is reached.
  if (!WILDCARD.has(host)) return { base: `http://${inUrl(host.replace(/^\[(.*)\]$/, '$1'))}:${o.port}`, loopbackOnly: false };
  return o.lan[0] ? { base: `http://${o.lan[0]}:${o.port}`, loopbackOnly: false } : { loopbackOnly: false };
}
