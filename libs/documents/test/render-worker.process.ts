/*
 * A real worker process for the render fault test: the worker module as it runs (its queue
 * processors), with the settings the test passes in the environment. Tells the parent 'ready',
 * then { active: id } and { completed: id } for each render queue job it starts and finishes.
 */
import 'reflect-metadata';
import { RENDER_QUEUE } from '@achievement/documents';
import { loadConfig } from '@achievement/platform';
import { getQueueToken } from '@nestjs/bull';
import { Test } from '@nestjs/testing';
import { Job, Queue } from 'bull';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig())] })
    .setLogger({ log() {}, error: console.error, warn() {}, debug() {}, verbose() {} })
    .compile();
  await moduleRef.init();
  const queue = moduleRef.get<Queue>(getQueueToken(RENDER_QUEUE), { strict: false });
  queue.on('active', (job: Job) => process.send?.({ active: String(job.id) }));
  queue.on('completed', (job: Job) => process.send?.({ completed: String(job.id) }));
  process.on('message', (m) => {
    if (m === 'stop') void moduleRef.close().then(() => process.exit(0));
  });
  process.send?.('ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
