import { AppConfig, DEFAULT_JOB_OPTIONS } from '@achievement/platform';
import Bull from 'bull';
import { DataSource } from 'typeorm';
import { RENDER_BATCH_SIZE, RENDER_JOB, RENDER_QUEUE, RenderJobData } from './render-queue';

/**
 * Queues every document that has no PDF yet (file_key NULL), in batches per job, for code with no
 * Nest container: the demo seeder (`seed small`) inserts its documents with SQL and then has the
 * worker (or the api's in-process processors) render them. Queue job ids are fixed per batch, so
 * running it twice queues nothing twice; rendering skips what is already stored anyway.
 * Not for the large seed: a million documents are left unrendered on purpose.
 */
export async function queueUnrenderedDocuments(dataSource: DataSource, config: AppConfig, limit = 20_000): Promise<number> {
  const rows: { id: number; job_id: number }[] = await dataSource.query('SELECT id, job_id FROM documents WHERE file_key IS NULL ORDER BY job_id, id LIMIT ?', [
    limit,
  ]);
  if (!rows.length) return 0;
  const queue = new Bull<RenderJobData>(RENDER_QUEUE, {
    redis: config.REDIS_URL,
    prefix: `${config.REDIS_PREFIX}:bull`,
  });
  try {
    const byJob = new Map<number, number[]>();
    for (const r of rows) {
      const ids = byJob.get(Number(r.job_id)) ?? [];
      ids.push(Number(r.id));
      byJob.set(Number(r.job_id), ids);
    }
    for (const [jobId, ids] of byJob) {
      for (let i = 0; i < ids.length; i += RENDER_BATCH_SIZE) {
        const batch = ids.slice(i, i + RENDER_BATCH_SIZE);
        await queue.add(
          RENDER_JOB,
          { jobId, documentIds: batch },
          {
            ...DEFAULT_JOB_OPTIONS,
            jobId: `backlog:${jobId}:${batch[0]}-${batch[batch.length - 1]}`,
          },
        );
      }
    }
  } finally {
    await queue.close();
  }
  return rows.length;
}
