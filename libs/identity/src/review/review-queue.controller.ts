import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ApproveRegistrationDto,
  RegistrationDetailDto,
  RegistrationListQueryDto,
  RegistrationPageDto,
  RegistrationSummaryDto,
  RejectRegistrationDto,
} from './dto/registration.dto';
import { ReviewQueueService } from './review-queue.service';

@ApiTags('Review queue (administrators)')
@Controller('admin/registrations')
@Roles('administrator')
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Get()
  @ApiOkResponse({ type: RegistrationPageDto })
  list(@Query() query: RegistrationListQueryDto): Promise<RegistrationPageDto> {
    return this.queue.listRegistrations(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RegistrationDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseIdPipe) id: number): Promise<RegistrationDetailDto> {
    return this.queue.getRegistration(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationSummaryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already decided, not verified yet, or no centre to attach the account to' })
  approve(@Param('id', ParseIdPipe) id: number, @Body() body: ApproveRegistrationDto, @CurrentActor() actor: Actor): Promise<RegistrationSummaryDto> {
    return this.queue.approve(id, body.contactId, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationSummaryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already decided, or not verified yet' })
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: RejectRegistrationDto, @CurrentActor() actor: Actor): Promise<RegistrationSummaryDto> {
    return this.queue.reject(id, body.reason, actor);
  }
}
