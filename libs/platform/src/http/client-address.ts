import proxyAddr from '@fastify/proxy-addr';
import { IncomingMessage } from 'node:http';
import { parseTrustProxy } from './trust-proxy';

/**
 * The client address of a request as Fastify works it out (`request.ip`) with the same TRUST_PROXY
 * setting: X-Forwarded-For is followed only through trusted proxies. For answers given before
 * Fastify sees the request (the front door), so limits and logs key on the same address.
 */
export function clientAddressResolver(trustProxySetting: string): (req: IncomingMessage) => string {
  const trust = parseTrustProxy(trustProxySetting);
  if (trust === false) return (req) => req.socket.remoteAddress ?? '';
  const trusted: (addr: string, i: number) => boolean =
    trust === true
      ? () => true
      : typeof trust === 'number'
        ? () => false // Fastify fails closed on a bare hop count: the immediate peer cannot be checked
        : proxyAddr.compile(trust);
  return (req) => {
    const all = proxyAddr.all(req, trusted);
    return all[all.length - 1] ?? '';
  };
}
