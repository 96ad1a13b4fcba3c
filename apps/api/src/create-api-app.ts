import { RENDER_QUEUE } from '@achievement/documents';
import { DOWNLOADS_QUEUE } from '@achievement/downloads';
import { MAIL_QUEUE } from '@achievement/notifications';
import { AppConfig, configureHttp, createFastifyAdapter, FrontDoor } from '@achievement/platform';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ApiAppOptions, AppModule } from './app.module';
import { mountQueueDashboard } from './queues/queue-dashboard';

/** Every queue, for the dashboard. */
export const QUEUE_NAMES = [MAIL_QUEUE, RENDER_QUEUE, DOWNLOADS_QUEUE];

/** Builds the api (database created and migrated, routes, security headers, web apps), ready to listen or to inject into. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const frontDoor = new FrontDoor(config);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { ...options, frontDoor }), createFastifyAdapter(config, frontDoor), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await configureHttp(app, config);
  await mountQueueDashboard(app, QUEUE_NAMES);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
