import { AuthenticatedUser, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JobPageDto, JobPageQueryDto, JobSummaryDto } from './dto/jobs.dto';
import { JobQueriesService } from './job-queries.service';

/** Jobs Issued: the jobs of the caller's centre, newest first. A job's documents are Records filtered by jobNumber. */
@ApiTags('Jobs Issued (centre staff)')
@Controller('jobs')
@Roles('centre_staff')
export class JobsController {
  constructor(private readonly jobs: JobQueriesService) {}

  @Get()
  @ApiOkResponse({ type: JobPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: JobPageQueryDto): Promise<JobPageDto> {
    return this.jobs.listCentreJobs(user, query.cursor, query.limit);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobSummaryDto })
  @ApiNotFoundResponse({ description: 'No such job in your centre' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseIdPipe) id: number): Promise<JobSummaryDto> {
    return this.jobs.centreJob(user, id);
  }
}
