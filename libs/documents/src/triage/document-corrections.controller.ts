import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Roles, StepUp } from '@achievement/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DocumentDetailDto } from '../viewer/dto/document-detail.dto';
import { DocumentCorrectionsService } from './document-corrections.service';
import { ReissueDocumentDto, RevokeDocumentDto } from './dto/triage.dto';

@ApiTags('Document corrections (support staff)')
@Controller('admin/documents')
@Roles('support', 'administrator')
export class DocumentCorrectionsController {
  constructor(private readonly corrections: DocumentCorrectionsService) {}

  /** A corrected new version (new verification code); the old one becomes superseded. The worker renders the new PDF. */
  @Post(':id/reissue')
  @StepUp()
  @ApiCreatedResponse({ type: DocumentDetailDto, description: 'the new version' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Only a valid document can be reissued' })
  reissue(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReissueDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentDetailDto> {
    return this.corrections.reissue(user, actor, id, body);
  }

  @Post(':id/revoke')
  @StepUp()
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Only a valid document can be revoked' })
  revoke(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RevokeDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentDetailDto> {
    return this.corrections.revoke(user, actor, id, body);
  }
}
