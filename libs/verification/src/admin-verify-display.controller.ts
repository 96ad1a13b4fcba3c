import { VerifyDisplaySettings } from '@achievement/documents';
import { Actor, CurrentActor, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DocumentDisplayDto, QualificationDisplayDto, QualificationListQueryDto, QualificationPageDto } from './dto/verification-admin.dto';

/** Whether documents are shown on their verification page: per qualification, overridden per document (administrators; audited). */
@ApiTags('verification (administrators)')
@Controller('admin')
@Roles('administrator')
export class AdminVerifyDisplayController {
  constructor(private readonly settings: VerifyDisplaySettings) {}

  @Get('qualifications')
  @ApiOperation({
    summary: 'Qualifications by code, with their verification-page setting',
  })
  @ApiOkResponse({ type: QualificationPageDto })
  qualifications(@Query() query: QualificationListQueryDto): Promise<QualificationPageDto> {
    return this.settings.listQualifications(query.q, query.cursor, query.limit ?? 50);
  }

  @Patch('qualifications/:id/display')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Show (or not) the documents of a qualification on their verification page',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async qualificationDisplay(@Param('id', ParseIdPipe) id: number, @Body() body: QualificationDisplayDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.settings.setQualificationDisplay(actor, id, body.displayOnVerify);
  }

  @Patch('documents/:id/display')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Override (or, with null, follow) the qualification’s setting for one document',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async documentDisplay(@Param('id', ParseIdPipe) id: number, @Body() body: DocumentDisplayDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.settings.setDocumentDisplay(actor, id, body.displayOnVerify);
  }
}
