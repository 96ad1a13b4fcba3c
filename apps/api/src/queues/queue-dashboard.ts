import { CSRF_COOKIE, SessionCookies, SessionStore } from '@achievement/identity';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bull';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bull';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

interface HookRequest {
  method: string;
  url: string;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}
interface HookReply {
  code(n: number): HookReply;
  header(k: string, v: string): HookReply;
  redirect(url: string): HookReply;
  send(body?: unknown): HookReply;
}

/**
 * bull-board at /api/admin/queues for administrators: queued, active, delayed, failed jobs with
 * their errors, and retry. Signed-in administrators only; writes need the anti-CSRF header.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, queueNames: string[]): Promise<void> {
  const sessions = app.get(SessionStore);
  const cookies = app.get(SessionCookies);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queueNames.map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Achievement Portal queues' } },
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await app.register((async (scope: any) => {
    scope.addHook('onRequest', async (req: HookRequest, reply: HookReply) => {
      const token = req.cookies?.[cookies.sessionName];
      const session = token ? await sessions.find(token) : null;
      if (!session) {
        const isPage = req.method === 'GET' && !req.url.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`) && !req.url.includes('/static/');
        if (isPage) {
          return reply.redirect(`/sign-in?returnUrl=${encodeURIComponent(req.url)}`);
        }
        return reply.code(401).header('Cache-Control', 'no-store').send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue.' });
      }
      if (session.record.role !== 'administrator') {
        return reply.code(403).header('Cache-Control', 'no-store').send({ statusCode: 403, error: 'Forbidden', message: 'You do not have access to this.' });
      }
      if (!['GET', 'HEAD'].includes(req.method)) {
        const header = req.headers['x-xsrf-token'];
        if (header !== session.record.csrf || req.cookies?.[CSRF_COOKIE] !== session.record.csrf) {
          return reply.code(403).send({
            statusCode: 403,
            error: 'Forbidden',
            message: 'The security token of this page is missing or out of date. Reload the page and try again.',
          });
        }
      }
      reply.header('Cache-Control', 'no-store');
      return undefined;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  }) as never);
}
