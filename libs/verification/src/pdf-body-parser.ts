import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** The largest PDF "Check a PDF" takes. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

interface FastifyLike {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(
    type: string,
    opts: { parseAs: 'buffer'; bodyLimit: number },
    parser: (req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => void,
  ): void;
}

/** Lets Fastify take a raw PDF body (application/pdf, or application/octet-stream) as bytes, up to 10 MiB (larger: 413). */
@Injectable()
export class PdfBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyLike | undefined;
    if (!fastify?.addContentTypeParser) return;
    for (const type of ['application/pdf', 'application/octet-stream']) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_req, body, done) => done(null, body));
    }
  }
}
