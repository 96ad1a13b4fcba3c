import { Roles } from '@achievement/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationLogPageDto, VerificationLogQueryDto } from './dto/verification-admin.dto';
import { VerificationLogService } from './verification-log.service';

@ApiTags('verification (administrators)')
@Controller('admin/verifications')
@Roles('administrator')
export class AdminVerificationsController {
  constructor(private readonly log: VerificationLogService) {}

  @Get()
  @ApiOperation({
    summary: 'The verification log, newest first (all, or one document’s)',
  })
  @ApiOkResponse({ type: VerificationLogPageDto })
  list(@Query() query: VerificationLogQueryDto): Promise<VerificationLogPageDto> {
    return this.log.list(query);
  }
}
