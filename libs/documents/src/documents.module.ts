import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AchievementDocument } from './document.entity';
import { Job } from './job.entity';
import { Learner } from './learner.entity';
import { Qualification } from './qualification.entity';
import { DocumentRenderQueue } from './rendering/document-render.queue';
import { RENDER_QUEUE } from './rendering/render-queue';

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
      imports: [TypeOrmModule.forFeature([Learner, Qualification, Job, AchievementDocument]), BullModule.registerQueue({ name: RENDER_QUEUE })],
      controllers: options.http ? [] : [],
      providers: [DocumentRenderQueue, ...(options.processors ? [] : [])],
      exports: [],
    };
  }
}
