import { Module } from '@nestjs/common';
import { LearnerDocumentsService, OrderableDocumentsService } from './learner-documents.service';

/** Documents as learners and the third parties they share with see them, and as orders of printed copies need them. Needs only the platform (global). */
@Module({
  providers: [LearnerDocumentsService, OrderableDocumentsService],
  exports: [LearnerDocumentsService, OrderableDocumentsService],
})
export class LearnerDocumentsModule {}
