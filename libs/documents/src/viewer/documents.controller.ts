import { AuthenticatedUser, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { inlineDisposition } from './centre-copy-stamp';
import { DocumentDetailService } from './document-detail.service';
import { DocumentViewerService } from './document-viewer.service';
import { DocumentDetailDto } from './dto/document-detail.dto';

interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

@ApiTags('Documents')
@Controller('documents')
@Roles('centre_staff', 'support', 'administrator')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentDetailService,
    private readonly viewer: DocumentViewerService,
  ) {}

  @Get(':id')
  @ApiOkResponse({ type: DocumentDetailDto })
  @ApiNotFoundResponse({ description: 'No such document, or not one of your centre' })
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<DocumentDetailDto> {
    return this.documents.getDocument(user, id);
  }

  /** The PDF, inline, stamped "Centre copy — not valid for verification" on every page. */
  @Get(':id/view')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The stamped PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such document, or not one of your centre' })
  @ApiConflictResponse({ description: 'The PDF is not rendered yet' })
  async view(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<StreamableFile> {
    const pdf = await this.viewer.viewDocument(user, id);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    // The portal's document page shows the copy in a frame of its own origin; nothing else may frame it.
    reply.header('Content-Security-Policy', "frame-ancestors 'self'"); // no default-src: Chrome's PDF viewer obeys it and would not show the file
    reply.header('X-Frame-Options', 'SAMEORIGIN');
    return new StreamableFile(pdf.content, { type: 'application/pdf', disposition: inlineDisposition(pdf.fileName), length: pdf.content.length });
  }
}
