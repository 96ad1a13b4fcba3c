import { CentreCopies, DownloadableDocumentsService, RecordsService } from '@achievement/documents';
import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DownloadBuildQueue } from './download-build.queue';
import { DownloadReconcilerTask } from './download-reconciler.task';
import { DOWNLOADS_QUEUE } from './download-queue';
import { DownloadRequestDocument } from './download-request-document.entity';
import { DownloadRequest } from './download-request.entity';
import { DownloadsController } from './downloads.controller';
import { DownloadsService } from './downloads.service';
import { PurgeExpiredDownloadsTask } from './purge-expired.task';
import { ZipBuilderProcessor } from './zip-builder.processor';
import { ZipBuilderService } from './zip-builder.service';

export interface DownloadsOptions {
  /** Build zips in this process, and run the reconciler and the purge (the worker; the api in a one-process start). */
  processors: boolean;
  /** Serve the HTTP endpoints (the api). */
  http: boolean;
}

/**
 * Downloads: zips of a centre's documents asked for from Records or Jobs Issued, built in the
 * background by the worker, listed on the Downloads page, served with byte ranges, removed after
 * DOWNLOAD_LIFETIME_DAYS. Reads documents only through the documents lib's public services.
 */
@Module({})
export class DownloadsModule {
  static forRoot(options: DownloadsOptions): DynamicModule {
    return {
      module: DownloadsModule,
      imports: [TypeOrmModule.forFeature([DownloadRequest, DownloadRequestDocument]), BullModule.registerQueue({ name: DOWNLOADS_QUEUE })],
      controllers: options.http ? [DownloadsController] : [],
      providers: [
        DownloadBuildQueue,
        DownloadableDocumentsService,
        CentreCopies,
        ...(options.http ? [RecordsService, DownloadsService] : []),
        ...(options.processors ? [ZipBuilderService, ZipBuilderProcessor, DownloadReconcilerTask, PurgeExpiredDownloadsTask] : []),
      ],
      exports: [
        ...(options.http ? [DownloadsService] : []),
        ...(options.processors ? [ZipBuilderService, DownloadReconcilerTask, PurgeExpiredDownloadsTask] : []),
      ],
    };
  }
}
