import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { DocumentRenderQueue } from './rendering/document-render.queue';
import { RENDER_QUEUE } from './rendering/render-queue';
import { RecordSearchIndex } from './records/record-search-index';
import { VerifiableDocumentsModule } from './verifiable/verifiable-documents.module';
import { LearnerNoticesController } from './notify/learner-notices.controller';
import { LearnerNoticesService } from './notify/learner-notices.service';
import { RecordsController } from './records/records.controller';
import { RecordsService } from './records/records.service';
import { DocumentReportsController } from './reports/document-reports.controller';
import { DocumentReportsService } from './reports/document-reports.service';
import { DocumentCorrectionsController } from './triage/document-corrections.controller';
import { DocumentCorrectionsService } from './triage/document-corrections.service';
import { ReportTriageController } from './triage/report-triage.controller';
import { ReportTriageService } from './triage/report-triage.service';
import { DocumentDetailService } from './viewer/document-detail.service';
import { DocumentViewerService } from './viewer/document-viewer.service';
import { CentreCopies } from './viewer/centre-copies';
import { DocumentsController } from './viewer/documents.controller';
import { AdminJobsController } from './issuing/admin-jobs.controller';
import { JobIssuingService } from './issuing/job-issuing.service';
import { JobQueriesService } from './jobs/job-queries.service';
import { JobsController } from './jobs/jobs.controller';
import { DocumentPdfRenderer } from './rendering/document-pdf-renderer';
import { DocumentRenderProcessor } from './rendering/document-render.processor';
import { DocumentRenderService } from './rendering/document-render.service';
import { RenderReconcilerTask } from './rendering/render-reconciler.task';

/** Issuing jobs (administrators) and Jobs Issued (centre staff) (the api only). */
const JOBS_CONTROLLERS = [AdminJobsController, JobsController];
const JOBS_PROVIDERS = [JobIssuingService, JobQueriesService];
/** Rendering the queued documents (the worker; the api in a one-process start). The fonts are read when the renderer is made. */
const RENDERING_PROVIDERS = [
  { provide: DocumentPdfRenderer, useFactory: () => new DocumentPdfRenderer() },
  DocumentRenderService,
  DocumentRenderProcessor,
  RenderReconcilerTask,
];

/** Records, the viewer, notices to learners, issue reports and their triage (the api only). */
const RECORDS_CONTROLLERS = [
  RecordsController,
  LearnerNoticesController,
  DocumentsController,
  DocumentReportsController,
  ReportTriageController,
  DocumentCorrectionsController,
];
const RECORDS_PROVIDERS = [
  RecordsService,
  LearnerNoticesService,
  DocumentDetailService,
  DocumentViewerService,
  CentreCopies,
  DocumentReportsService,
  ReportTriageService,
  DocumentCorrectionsService,
];

export interface DocumentsOptions {
  /** Run the rendering processor in this process (the worker always; the api in a one-process start). */
  processors: boolean;
  /** Serve the HTTP endpoints (the api). */
  http: boolean;
}

/**
 * Learners, qualifications, jobs and documents: issuing a job and rendering its PDFs, Jobs Issued,
 * Records, the viewer, notifying learners, issue reports and their triage.
 */
@Module({})
export class DocumentsModule {
  static forRoot(options: DocumentsOptions): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [
        BullModule.registerQueue({ name: RENDER_QUEUE }),
        // its VerifiableChanges: corrections and rendering announce what verification must not answer from memory
        VerifiableDocumentsModule,
      ],
      controllers: options.http ? [...RECORDS_CONTROLLERS, ...JOBS_CONTROLLERS] : [],
      providers: [
        DocumentRenderQueue,
        RecordSearchIndex,
        ...(options.http ? [...RECORDS_PROVIDERS, ...JOBS_PROVIDERS] : []),
        ...(options.processors ? RENDERING_PROVIDERS : []),
      ],
      exports: [RecordSearchIndex, ...(options.http ? [RecordsService] : [])],
    };
  }
}
