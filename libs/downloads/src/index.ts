export { DownloadsModule } from './downloads.module';
export type { DownloadsOptions } from './downloads.module';
export { DownloadsService } from './downloads.service';
export { ZipBuilderService, PROGRESS_EVERY } from './zip-builder.service';
export type { BuildOutcome } from './zip-builder.service';
export { DownloadReconcilerTask } from './download-reconciler.task';
export { PurgeExpiredDownloadsTask } from './purge-expired.task';
export { DOWNLOADS_QUEUE, DOWNLOAD_LEASE_MS, MAX_BUILD_ATTEMPTS, downloadFileKey } from './download-queue';
export { DOWNLOADS_MIGRATIONS } from './migrations';
