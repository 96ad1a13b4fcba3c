import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminJobDetailDto, AdminJobDocumentPageDto, AdminJobPageDto, AdminJobQueryDto, JobDocumentsQueryDto } from '../jobs/dto/jobs.dto';
import { JobQueriesService } from '../jobs/job-queries.service';
import { IssueJobCsvDto, IssueJobDto, IssueJobErrorBodyDto } from './dto/issue-job.dto';
import { IssueJobErrorFilter } from './issue-job.error';
import { JobIssuingService } from './job-issuing.service';

/** Issuing jobs (administrators) and following their progress (administrators and support). */
@ApiTags('Jobs (administrators)')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(
    private readonly issuing: JobIssuingService,
    private readonly jobs: JobQueriesService,
  ) {}

  /** For systems: the documents as JSON. All or nothing; a 400 lists every problem with the document's 1-based position as its line. */
  @Post()
  @Roles('administrator')
  @UseFilters(IssueJobErrorFilter)
  @ApiCreatedResponse({ type: AdminJobDetailDto })
  @ApiBadRequestResponse({
    type: IssueJobErrorBodyDto,
    description: 'Nothing was issued; rowErrors lists each problem',
  })
  @ApiNotFoundResponse({ description: 'No such centre' })
  issue(@Body() body: IssueJobDto, @CurrentActor() actor: Actor): Promise<AdminJobDetailDto> {
    return this.issuing.issueJob(body.centreId, body.documents, actor);
  }

  /** A CSV file with a header row. All or nothing; a 400 lists every problem with its line as a person counts them (header = 1). */
  @Post('csv')
  @Roles('administrator')
  @UseFilters(IssueJobErrorFilter)
  @ApiCreatedResponse({ type: AdminJobDetailDto })
  @ApiBadRequestResponse({
    type: IssueJobErrorBodyDto,
    description: 'Nothing was issued; rowErrors lists each problem with its line and column',
  })
  @ApiNotFoundResponse({ description: 'No such centre' })
  issueCsv(@Body() body: IssueJobCsvDto, @CurrentActor() actor: Actor): Promise<AdminJobDetailDto> {
    return this.issuing.issueJobFromCsv(body.centreId, body.csv, actor);
  }

  @Get()
  @Roles('administrator', 'support')
  @ApiOkResponse({ type: AdminJobPageDto })
  list(@Query() query: AdminJobQueryDto): Promise<AdminJobPageDto> {
    return this.jobs.listAdminJobs(query);
  }

  @Get(':id')
  @Roles('administrator', 'support')
  @ApiOkResponse({ type: AdminJobDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseIdPipe) id: number): Promise<AdminJobDetailDto> {
    return this.jobs.adminJob(id);
  }

  /** The job's documents, in the order they were issued, with their status and whether each is rendered. */
  @Get(':id/documents')
  @Roles('administrator', 'support')
  @ApiOkResponse({ type: AdminJobDocumentPageDto })
  @ApiNotFoundResponse()
  documents(@Param('id', ParseIdPipe) id: number, @Query() query: JobDocumentsQueryDto): Promise<AdminJobDocumentPageDto> {
    return this.jobs.listAdminJobDocuments(id, query.cursor, query.limit);
  }
}
