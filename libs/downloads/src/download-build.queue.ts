import { DEFAULT_JOB_OPTIONS } from '@achievement/platform';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bull';
import { BUILD_ZIP_JOB, BuildZipJobData, DOWNLOADS_QUEUE, MAX_BUILD_ATTEMPTS } from './download-queue';

/** Asks the worker to build a request's zip. Building is idempotent, so asking twice does no harm. */
@Injectable()
export class DownloadBuildQueue {
  constructor(
    @InjectQueue(DOWNLOADS_QUEUE)
    private readonly queue: Queue<BuildZipJobData>,
  ) {}

  async enqueue(requestId: number): Promise<void> {
    await this.queue.add(BUILD_ZIP_JOB, { requestId }, { ...DEFAULT_JOB_OPTIONS, attempts: MAX_BUILD_ATTEMPTS });
  }
}
