import { ConnectionView, LearnerConnection, LearnerDocument } from '@achievement/contracts';
import { LearnerDocumentsService } from '@achievement/documents';
import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AcceptConnectionDto, AddConnectionDto, UpdateConnectionDto } from './dto/connection.dto';
import { ConnectionViewDto, LearnerConnectionDto } from './dto/connection.responses';
import { LearnerDocumentDto } from './dto/document.responses';
import { LearnerConnectionsService, learnerOf } from './learner-connections.service';
import { pdfAnswer, ReplyHeaders } from './pdf-reply';
import { ApiError } from '@achievement/platform';

/** The learner's own documents and connections. Only learners (never centre staff or administrators) share. */
@ApiTags('Learners and third parties')
@Controller('learner')
@Roles('learner')
export class LearnerController {
  constructor(
    private readonly documents: LearnerDocumentsService,
    private readonly connections: LearnerConnectionsService,
  ) {}

  @Get('documents')
  @ApiOperation({ summary: 'Your documents, newest first, with their live status' })
  @ApiOkResponse({ type: LearnerDocumentDto, isArray: true, description: 'LearnerDocument[]' })
  documentsOf(@CurrentUser() user: AuthenticatedUser): Promise<LearnerDocument[]> {
    return this.documents.documentsOf(learnerOf(user));
  }

  @Get('documents/:id/file')
  @ApiOperation({ summary: 'The PDF of one of your documents, as issued (inline; ?download=1 as an attachment)' })
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'download', required: false, enum: ['1'], description: '1: as an attachment' })
  @ApiOkResponse({
    description: 'The PDF, inline (as an attachment with ?download=1)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'Not one of your documents' })
  @ApiConflictResponse({ description: 'The PDF is not ready yet' })
  async file(
    @Param('id', ParseIdPipe) id: number,
    @Query('download') download: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<StreamableFile> {
    const [own] = await this.documents.ownedBy(learnerOf(user), [id]);
    if (!own) throw new ApiError('DOCUMENT_NOT_FOUND', 'This is not one of your documents.');
    const file = await this.documents.pdfOf(id);
    if (!file) throw new ApiError('DOCUMENT_NOT_READY_YET', 'This document is not ready yet. Try again in a few minutes.');
    return pdfAnswer(reply, file.pdf, file.documentNumber, download === '1');
  }

  @Get('connections')
  @ApiOkResponse({ type: LearnerConnectionDto, isArray: true, description: 'LearnerConnection[]: pending requests first, then the newest' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<LearnerConnection[]> {
    return this.connections.list(user);
  }

  @Post('connections')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Share documents with a third party until a time; they are emailed a link' })
  @ApiCreatedResponse({ type: LearnerConnectionDto, description: 'LearnerConnection' })
  add(@Body() body: AddConnectionDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<LearnerConnection> {
    return this.connections.add(user, actor, body);
  }

  @Patch('connections/:id')
  @ApiOperation({ summary: 'Change the documents shared, or extend (or shorten) the access, of an active connection' })
  @ApiOkResponse({ type: LearnerConnectionDto, description: 'LearnerConnection' })
  @ApiConflictResponse({ description: 'The connection is not active' })
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateConnectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<LearnerConnection> {
    return this.connections.update(user, actor, id, body);
  }

  @Post('connections/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Accept a third party's request, sharing the documents chosen" })
  @ApiOkResponse({ type: LearnerConnectionDto, description: 'LearnerConnection' })
  @ApiConflictResponse({ description: 'Already answered' })
  accept(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: AcceptConnectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<LearnerConnection> {
    return this.connections.accept(user, actor, id, body);
  }

  @Post('connections/:id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LearnerConnectionDto, description: 'LearnerConnection' })
  @ApiConflictResponse({ description: 'Already answered' })
  decline(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<LearnerConnection> {
    return this.connections.decline(user, actor, id);
  }

  @Post('connections/:id/end')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LearnerConnectionDto, description: 'LearnerConnection: access ends now' })
  @ApiConflictResponse({ description: 'Already ended' })
  end(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<LearnerConnection> {
    return this.connections.end(user, actor, id);
  }

  @Get('connections/:id/views')
  @ApiOkResponse({ type: ConnectionViewDto, isArray: true, description: 'ConnectionView[]: every time the third party opened a document, newest first' })
  views(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<ConnectionView[]> {
    return this.connections.views(user, id);
  }
}
