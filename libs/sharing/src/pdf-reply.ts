import { StreamableFile } from '@nestjs/common';

export interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

/** A document's own PDF (the learner's or a shared one): inline (or as an attachment), never cached, framed only by the portal. */
export function pdfAnswer(reply: ReplyHeaders, pdf: Buffer, documentNumber: string, attachment = false): StreamableFile {
  reply.header('Cache-Control', 'no-store');
  reply.header('X-Content-Type-Options', 'nosniff');
  // no default-src: Chrome's PDF viewer obeys it and would not show the file
  reply.header('Content-Security-Policy', "frame-ancestors 'self'");
  reply.header('X-Frame-Options', 'SAMEORIGIN');
  const name = `${documentNumber.replace(/[^A-Za-z0-9_-]/g, '')}.pdf`;
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `${attachment ? 'attachment' : 'inline'}; filename="${name}"`, length: pdf.length });
}
