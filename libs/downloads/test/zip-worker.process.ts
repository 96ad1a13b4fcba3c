/*
 * A real worker process for the fault tests: the worker module as it runs (its queue processors,
 * the zip builder, the reconciler), with the settings the test passes in the environment, and its
 * clock moved by CLOCK_OFFSET_MS (a worker that starts "later", after a lease ran out). Tells the
 * parent 'ready', and { building: requestId } each time it starts a zip's queue job; on 'reconcile'
 * runs the reconciler once and answers { reconciled: n }.
 */
import 'reflect-metadata';
import { DOWNLOADS_QUEUE, DownloadReconcilerTask } from '@achievement/downloads';
import { Clock, loadConfig } from '@achievement/platform';
import { getQueueToken } from '@nestjs/bull';
import { Test } from '@nestjs/testing';
import { Job, Queue } from 'bull';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

class OffsetClock extends Clock {
  constructor(private readonly offsetMs: number) {
    super();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

async function main(): Promise<void> {
  const clock = new OffsetClock(Number(process.env.CLOCK_OFFSET_MS ?? 0));
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(loadConfig())] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger({ log() {}, error: console.error, warn() {}, debug() {}, verbose() {} })
    .compile();
  await moduleRef.init();
  moduleRef
    .get<Queue>(getQueueToken(DOWNLOADS_QUEUE), { strict: false })
    .on('active', (job: Job<{ requestId: number }>) => process.send?.({ building: job.data.requestId }));
  process.on('message', (m) => {
    if (m === 'reconcile') {
      void moduleRef
        .get(DownloadReconcilerTask)
        .reconcile(clock.now())
        .then(
          (n) => process.send?.({ reconciled: n }),
          (err: Error) => process.send?.({ error: err.message }),
        );
    }
    if (m === 'stop') void moduleRef.close().then(() => process.exit(0));
  });
  process.send?.('ready');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
