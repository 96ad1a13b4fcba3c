import { AcceptedResponse, InvitationSummary, ThirdPartyConnection } from '@achievement/contracts';
import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Public, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AcceptedResponseDto } from '@achievement/identity';
import { ConnectionRequestDto } from './dto/connection.dto';
import { InvitationSummaryDto, ThirdPartyConnectionDto } from './dto/connection.responses';
import { pdfAnswer, ReplyHeaders } from './pdf-reply';
import { REQUEST_ACCEPTED, ThirdPartyService } from './third-party.service';

@ApiTags('Learners and third parties')
@Controller('invitations')
@Public()
export class InvitationsController {
  constructor(private readonly thirdParties: ThirdPartyService) {}

  @Get(':token')
  @ApiOperation({ summary: 'What an invitation link shares (the link is the secret)' })
  @ApiOkResponse({ type: InvitationSummaryDto, description: 'InvitationSummary' })
  @ApiNotFoundResponse({ description: 'Unknown, used or expired' })
  invitation(@Param('token') token: string): Promise<InvitationSummary> {
    return this.thirdParties.invitation(token);
  }
}

/** A third party's side: invitations, requests, and the documents shared with them. */
@ApiTags('Learners and third parties')
@Controller('third-party')
@Roles('third_party')
export class ThirdPartyController {
  constructor(private readonly thirdParties: ThirdPartyService) {}

  @Post('invitations/:token/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation: it must have been sent to your address' })
  @ApiOkResponse({ type: ThirdPartyConnectionDto, description: 'ThirdPartyConnection' })
  @ApiForbiddenResponse({ description: 'Sent to another address' })
  @ApiNotFoundResponse({ description: 'Unknown, used or expired' })
  accept(@Param('token') token: string, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<ThirdPartyConnection> {
    return this.thirdParties.acceptInvitation(user, actor, token);
  }

  @Post('requests')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask a learner for access (by their email, or enrolment number and date of birth)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, description: 'Always the same answer, whether or not such a learner exists' })
  async request(@Body() body: ConnectionRequestDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<AcceptedResponse> {
    await this.thirdParties.request(user, actor, body);
    return { message: REQUEST_ACCEPTED };
  }

  @Get('connections')
  @ApiOkResponse({ type: ThirdPartyConnectionDto, isArray: true, description: 'ThirdPartyConnection[]: documents only while access lasts' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ThirdPartyConnection[]> {
    return this.thirdParties.list(user);
  }

  @Get('connections/:id/documents/:documentId/file')
  @ApiOperation({ summary: 'The PDF of a document shared with you (each view is shown to the learner)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, inline', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiForbiddenResponse({ description: 'The access has ended' })
  @ApiNotFoundResponse({ description: 'Not shared with you' })
  @ApiConflictResponse({ description: 'Revoked, superseded, or not ready' })
  async file(
    @Param('id', ParseIdPipe) id: number,
    @Param('documentId', ParseIdPipe) documentId: number,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<StreamableFile> {
    const { pdf, documentNumber } = await this.thirdParties.openDocument(user, id, documentId);
    return pdfAnswer(reply, pdf, documentNumber);
  }
}
