import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChangeReportStatusDto, ReportTextDto, TriageListQueryDto, TriageReportDetailDto, TriageReportPageDto } from './dto/triage.dto';
import { ReportTriageService } from './report-triage.service';

@ApiTags('Report triage (support staff)')
@Controller('admin/reports')
@Roles('support', 'administrator')
export class ReportTriageController {
  constructor(private readonly triage: ReportTriageService) {}

  @Get()
  @ApiOkResponse({ type: TriageReportPageDto, description: 'oldest first' })
  list(@Query() query: TriageListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<TriageReportPageDto> {
    return this.triage.listReports(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TriageReportDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<TriageReportDetailDto> {
    return this.triage.getReport(user, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: TriageReportDetailDto, description: 'assigned to the caller' })
  assign(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<TriageReportDetailDto> {
    return this.triage.assignToMe(user, actor, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: TriageReportDetailDto })
  status(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ChangeReportStatusDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<TriageReportDetailDto> {
    return this.triage.changeStatus(user, actor, id, body.status);
  }

  /** An internal note, never emailed. */
  @Post(':id/notes')
  @ApiCreatedResponse({ type: TriageReportDetailDto })
  note(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReportTextDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<TriageReportDetailDto> {
    return this.triage.addNote(user, actor, id, body.text);
  }

  /** A reply, emailed to the reporter and shown to their centre. */
  @Post(':id/replies')
  @ApiCreatedResponse({ type: TriageReportDetailDto })
  reply(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReportTextDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<TriageReportDetailDto> {
    return this.triage.reply(user, actor, id, body.text);
  }
}
