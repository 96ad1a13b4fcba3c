/** The queue that renders documents to PDF, stores them and finishes their job. */
export const RENDER_QUEUE = 'documents-render';
export const RENDER_JOB = 'render';

/** One queue job renders a batch of documents of one job (or one reissued document). */
export interface RenderJobData {
  jobId: number;
  documentIds: number[];
}

/** Documents per queue job: big enough that Bull's overhead is small, small enough that progress moves. */
export const RENDER_BATCH_SIZE = 100;
