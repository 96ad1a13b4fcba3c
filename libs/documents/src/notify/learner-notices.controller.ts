import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, Roles } from '@achievement/platform';
import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotifyLearnersDto, NotifyLearnersResponseDto } from './dto/notify-learners.dto';
import { LearnerNoticesService } from './learner-notices.service';
import { RecentNoticeErrorFilter } from './recent-notice.error';

@ApiTags('Records (centre staff)')
@Controller('records')
@Roles('centre_staff')
export class LearnerNoticesController {
  constructor(private readonly notices: LearnerNoticesService) {}

  @Post('notify')
  @HttpCode(200)
  @UseFilters(RecentNoticeErrorFilter)
  @ApiOkResponse({ type: NotifyLearnersResponseDto })
  @ApiBadRequestResponse({ description: 'The selection is empty, not valid, or larger than MAX_SELECTION' })
  @ApiNotFoundResponse({ description: 'A selected id is not a record of your centre' })
  @ApiConflictResponse({ description: 'Some documents were notified within 24 hours: RecentNoticeErrorBody; send confirmRecent: true to go ahead' })
  notify(@Body() body: NotifyLearnersDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<NotifyLearnersResponseDto> {
    return this.notices.notifyLearners(user, actor, body);
  }
}
