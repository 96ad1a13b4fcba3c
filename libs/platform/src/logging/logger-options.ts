import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Structured JSON logs with the request id; cookies, auth headers and CSRF tokens never logged. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req) => (req as { id?: string }).id ?? '',
      customProps: () => ({}),
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (req) => (req.url ?? '').includes('/api/health') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    forRoutes: [{ path: '*path', method: 0 }] as never,
  };
}
