import helmet, { HelmetOptions } from 'helmet';
import { AppConfig } from '../config/app-config';

/** The portal's security headers, as Helmet's options. */
export function helmetOptions(config: AppConfig): Readonly<HelmetOptions> {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // blob: for es-module-shims, which Native Federation uses to load the shell and the admin remote
        'script-src': ["'self'", 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        // the checkout posts its payment form to the card gateway (when it is not the built-in sandbox)
        'form-action': ["'self'", ...(config.OPAYO_FORM_URL ? [new URL(config.OPAYO_FORM_URL).origin] : [])],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    strictTransportSecurity: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The security headers of every answer, worked out once by Helmet at start.
 *
 * Helmet's headers depend only on its options (no nonces here), so they are computed once and set
 * as a whole on each answer. (@fastify/helmet rebuilt Helmet's middleware, parsing the CSP again, on
 * every request: about a tenth of the CPU of a small API answer.)
 */
export function securityHeadersOf(config: AppConfig): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  let failure: unknown;
  helmet(helmetOptions(config))({} as never, recorder as never, (err?: unknown) => (failure = err));
  if (failure) throw failure;
  return Object.freeze(headers);
}
