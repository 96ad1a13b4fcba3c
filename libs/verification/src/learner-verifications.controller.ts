import { LearnerVerificationEntry } from '@achievement/contracts';
import { AuthenticatedUser, CurrentUser, Roles } from '@achievement/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LearnerVerificationEntryDto } from './dto/learner-verification-entry.dto';
import { VerificationLogService } from './verification-log.service';
import { ApiError } from '@achievement/platform';

@ApiTags('verification')
@Controller('learner/verifications')
@Roles('learner')
export class LearnerVerificationsController {
  constructor(private readonly log: VerificationLogService) {}

  @Get()
  @ApiOperation({ summary: 'Who checked your documents on Smart Verify (the newest 200): when, how, and a coarse client' })
  @ApiOkResponse({ type: LearnerVerificationEntryDto, isArray: true, description: 'LearnerVerificationEntry[]' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<LearnerVerificationEntry[]> {
    if (!user.learnerId) throw new ApiError('NOT_A_LEARNER', 'This account has no learner record.');
    return this.log.forLearner(user.learnerId);
  }
}
