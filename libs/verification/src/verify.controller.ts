import { Public, SkipCsrf } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { verifyingClientOf } from './coarse-client';
import { PdfCheckResultDto, VerificationResultDto } from './dto/verification-result.dto';
import { verificationMethodOf, VerificationService } from './verification.service';
import { VerifyRateLimit, VerifyRateLimitGuard } from './verify-rate-limit.guard';
import { ApiError } from '@achievement/platform';

interface ClientRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

interface PdfReply {
  header(name: string, value: string): PdfReply;
}

/**
 * The public verification of a document (no sign-in), limited per client address by its own
 * limiter (the app-wide Redis throttler is skipped here: it would cost a Redis round trip per look-up).
 */
@ApiTags('verification')
@Controller('verify')
@Public()
@SkipThrottle()
@UseGuards(VerifyRateLimitGuard)
@ApiTooManyRequestsResponse({
  description: 'Too many verifications from the address this minute',
})
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  @Post('pdf')
  @HttpCode(200)
  @SkipCsrf() // no session acts here and nothing changes: a plain upload from the public page or any tool
  @VerifyRateLimit('upload')
  @ApiOperation({
    summary: 'Check a PDF: is this file, byte for byte, an issued document?',
  })
  @ApiConsumes('application/pdf')
  @ApiBody({
    description: 'the PDF file (up to 10 MiB) as the request body',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({ type: PdfCheckResultDto })
  async checkPdf(@Body() body: unknown, @Req() req: ClientRequest): Promise<PdfCheckResultDto> {
    if (!Buffer.isBuffer(body))
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the PDF file itself as the request body, with Content-Type: application/pdf.');
    if (body.length === 0) throw new ApiError('FILE_EMPTY', 'The file is empty: choose the PDF of the document.');
    return this.verification.checkPdf(body, verifyingClientOf(req));
  }

  @Get(':code')
  @VerifyRateLimit('lookup')
  @ApiOperation({
    summary: 'The live status and key facts of the document of a verification code',
  })
  @ApiQuery({
    name: 'via',
    required: false,
    enum: ['qr', 'code'],
    description: 'qr when the page was opened from the QR code, code when typed (default)',
  })
  @ApiOkResponse({ type: VerificationResultDto })
  @ApiNotFoundResponse({
    description: 'No document has this code (unknown and malformed codes alike)',
  })
  verify(@Param('code') code: string, @Query('via') via: string | undefined, @Req() req: ClientRequest): Promise<VerificationResultDto> {
    return this.verification.verifyCode(code, verificationMethodOf(via), verifyingClientOf(req));
  }

  @Get(':code/document')
  @VerifyRateLimit('lookup')
  @ApiOperation({
    summary: 'The PDF of the document, where showing it on its verification page is enabled',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the PDF, inline', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({
    description: 'No document has this code, or it is not shown',
  })
  async document(@Param('code') code: string, @Res({ passthrough: true }) reply: PdfReply): Promise<Buffer> {
    const { pdf, documentNumber } = await this.verification.documentOf(code);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `inline; filename="${documentNumber.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`)
      .header('Cache-Control', 'no-store')
      // the verification page shows it in a frame of its own origin; nothing else may frame it
      // (no default-src: Chrome's PDF viewer obeys it and would not show the file)
      .header('Content-Security-Policy', "frame-ancestors 'self'")
      .header('X-Frame-Options', 'SAMEORIGIN');
    return pdf;
  }
}
