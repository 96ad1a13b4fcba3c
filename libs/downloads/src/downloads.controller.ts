import { AuthenticatedUser, CurrentUser, Roles } from '@achievement/platform';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { DownloadIdPipe } from './download-id.pipe';
import { DownloadListQueryDto, DownloadPageDto, DownloadSummaryDto } from './dto/download-summary.dto';
import { RequestDownloadDto } from './dto/request-download.dto';
import { DownloadsService, RangeNotSatisfiable } from './downloads.service';

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string | number): Reply;
  send(body: unknown): Reply;
}

@ApiTags('Downloads (centre staff)')
@Controller('downloads')
@Roles('centre_staff')
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({
    type: DownloadSummaryDto,
    description: 'The request, queued',
  })
  @ApiBadRequestResponse({
    description: 'Not valid, or more than MAX_DOWNLOAD_DOCUMENTS documents',
  })
  @ApiNotFoundResponse({
    description: 'A listed record or the job is not one of your centre',
  })
  @ApiConflictResponse({
    description: 'Some of the documents are not rendered yet',
  })
  @ApiTooManyRequestsResponse({
    description: 'MAX_DOWNLOADS_IN_FLIGHT downloads of yours are already queued or building',
  })
  request(@Body() body: RequestDownloadDto, @CurrentUser() user: AuthenticatedUser): Promise<DownloadSummaryDto> {
    return this.downloads.requestDownload(user, body);
  }

  @Get()
  @ApiOkResponse({
    type: DownloadPageDto,
    description: 'Every download of your centre, newest first',
  })
  list(@Query() query: DownloadListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<DownloadPageDto> {
    return this.downloads.listDownloads(user, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: DownloadSummaryDto })
  @ApiNotFoundResponse({ description: 'No such download of your centre' })
  get(@Param('id', DownloadIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<DownloadSummaryDto> {
    return this.downloads.getDownload(user, id);
  }

  /** The zip, streamed; a Range request gets 206 with Content-Range. */
  @Get(':id/file')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The zip',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: 206,
    description: 'The requested byte range of the zip',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'No such download of your centre' })
  @ApiConflictResponse({ description: 'The zip is not ready' })
  @ApiGoneResponse({ description: 'The zip expired and was removed' })
  @ApiResponse({
    status: 416,
    description: 'The range is not part of the file',
  })
  async file(
    @Param('id', DownloadIdPipe) id: number,
    @Headers('range') range: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: Reply,
  ): Promise<void> {
    reply.header('Cache-Control', 'no-store').header('Accept-Ranges', 'bytes');
    let file;
    try {
      file = await this.downloads.openDownloadFile(user, id, range);
    } catch (err) {
      if (err instanceof RangeNotSatisfiable) reply.header('Content-Range', `bytes */${err.size}`);
      throw err;
    }
    reply.header('Content-Type', 'application/zip').header('Content-Disposition', file.disposition).header('X-Content-Type-Options', 'nosniff');
    if (file.range) {
      reply
        .status(206)
        .header('Content-Range', `bytes ${file.range.start}-${file.range.end}/${file.size}`)
        .header('Content-Length', file.range.end - file.range.start + 1);
    } else {
      reply.status(200).header('Content-Length', file.size);
    }
    reply.send(file.content);
  }
}
