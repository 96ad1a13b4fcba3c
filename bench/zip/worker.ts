/*
 * One worker process of the zip benchmark: the real worker module (queue processors), with the
 * settings the benchmark passes in the environment. Tells the parent when it is ready.
 */
import 'reflect-metadata';
import { loadConfig } from '@achievement/platform';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  process.send?.('ready');
  process.on('message', (m) => {
    if (m === 'stop') void app.close().then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
