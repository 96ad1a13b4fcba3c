import { Module } from '@nestjs/common';
import { LearnerDocumentsService } from './learner-documents.service';

/** Documents as learners and the third parties they share with see them. Needs only the platform (global). */
@Module({
  providers: [LearnerDocumentsService],
  exports: [LearnerDocumentsService],
})
export class LearnerDocumentsModule {}
