import { AuthenticatedUser, CurrentUser, Roles } from '@achievement/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordCountDto, RecordPageDto, RecordQueryDto } from './dto/records.dto';
import { RecordsService } from './records.service';

@ApiTags('Records (centre staff)')
@Controller('records')
@Roles('centre_staff')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @ApiOkResponse({ type: RecordPageDto })
  @ApiBadRequestResponse({ description: 'A filter is not valid, or the cursor is not the nextCursor of a previous page' })
  search(@Query() query: RecordQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<RecordPageDto> {
    return this.records.searchRecords(user, query);
  }

  @Get('count')
  @ApiOkResponse({ type: RecordCountDto })
  count(@Query() filter: RecordQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<RecordCountDto> {
    return this.records.countRecords(user, filter);
  }
}
