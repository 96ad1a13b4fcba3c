import Fastify, { FastifyServerOptions } from 'fastify';
import { clientAddressResolver } from './client-address';
import { parseTrustProxy } from './trust-proxy';

/** The front door must key limits and logs on the address Fastify's request.ip gives, for every TRUST_PROXY. */
describe('clientAddressResolver', () => {
  const cases: { remote: string; forwarded?: string }[] = [
    { remote: '127.0.0.1' },
    { remote: '127.0.0.1', forwarded: '203.0.113.9' },
    { remote: '127.0.0.1', forwarded: '198.51.100.7, 203.0.113.9' },
    { remote: '10.0.0.5', forwarded: '198.51.100.7, 10.0.0.9' },
    { remote: '192.0.2.44', forwarded: '203.0.113.9' },
    { remote: '::1', forwarded: '2001:db8::1' },
  ];

  it.each(['false', 'true', '1', 'loopback', '127.0.0.1,10.0.0.0/8', 'loopback, uniquelocal'])(
    'gives what Fastify gives with TRUST_PROXY=%s',
    async (setting) => {
      // Fastify takes a hop count at run time (its documentation lists a number); its types leave it out
      const app = Fastify({ trustProxy: parseTrustProxy(setting) as FastifyServerOptions['trustProxy'] });
      app.get('/', async (req) => ({ ip: req.ip }));
      const resolve = clientAddressResolver(setting);
      try {
        for (const c of cases) {
          const res = await app.inject({ method: 'GET', url: '/', remoteAddress: c.remote, headers: c.forwarded ? { 'x-forwarded-for': c.forwarded } : {} });
          const fake = {
            socket: { remoteAddress: c.remote },
            connection: { remoteAddress: c.remote },
            headers: c.forwarded ? { 'x-forwarded-for': c.forwarded } : {},
          };
          expect([setting, c, resolve(fake as never)]).toEqual([setting, c, (res.json() as { ip: string }).ip]);
        }
      } finally {
        await app.close();
      }
    },
  );
});
