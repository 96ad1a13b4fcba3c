import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DocumentReportsService } from './document-reports.service';
import { ReportIssueDto, ReportListQueryDto, ReportPageDto, ReportSummaryDto } from './dto/reports.dto';

@ApiTags('Reports (centre staff)')
@Controller()
@Roles('centre_staff')
export class DocumentReportsController {
  constructor(private readonly reports: DocumentReportsService) {}

  /** Report an issue on a document: stored, and emailed to the Centre Services team. */
  @Post('documents/:id/reports')
  @ApiCreatedResponse({ type: ReportSummaryDto })
  @ApiBadRequestResponse({ description: 'reason and description are required ("This field is required.")' })
  @ApiNotFoundResponse({ description: 'No such document, or not one of your centre' })
  report(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReportIssueDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<ReportSummaryDto> {
    return this.reports.reportIssue(user, actor, id, body);
  }

  @Get('reports')
  @ApiOkResponse({ type: ReportPageDto })
  list(@Query() query: ReportListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<ReportPageDto> {
    return this.reports.listReports(user, query);
  }
}
