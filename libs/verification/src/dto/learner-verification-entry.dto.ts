import { LearnerVerificationEntry, VERIFICATION_METHODS, VerificationMethod } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** GET /api/learner/verifications: a check of one of the learner's documents on Smart Verify. */
export class LearnerVerificationEntryDto implements LearnerVerificationEntry {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() documentId: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: VERIFICATION_METHODS }) method: VerificationMethod;
  @ApiProperty({ description: 'coarse: browser family, platform, network' }) client: string;
  @ApiProperty({ description: 'identical checks within one second are one entry' }) hits: number;
}
