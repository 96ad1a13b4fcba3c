import { AuthenticatedUser, FileStorage } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { CentreCopies } from './centre-copies';
import { DocumentDetailService } from './document-detail.service';
import { ApiError } from '@achievement/platform';

export interface ViewablePdf {
  fileName: string;
  content: Buffer;
}

/**
 * The PDF of a document to look at: its centre copy (the stored file stamped "Centre copy — not
 * valid for verification" on every page; the same bytes a zip holds, so "Check a PDF" knows a
 * saved copy as a centre copy), for centre staff of its centre and for support and
 * administrators. (Learners will see their own unstamped documents through the learner portal.)
 */
@Injectable()
export class DocumentViewerService {
  constructor(
    private readonly documents: DocumentDetailService,
    private readonly storage: FileStorage,
    private readonly centreCopies: CentreCopies,
  ) {}

  async viewDocument(user: AuthenticatedUser, id: number): Promise<ViewablePdf> {
    const doc = await this.documents.accessibleDocument(user, id);
    if (!doc.fileKey) throw notRendered();
    const stored = await this.storage.stat(doc.fileKey);
    if (!stored) throw notRendered();
    const content = await this.centreCopies.centreCopyOf({ ...doc, fileKey: doc.fileKey });
    return { fileName: `${doc.documentNumber}.pdf`, content };
  }
}

function notRendered(): ApiError {
  return new ApiError('DOCUMENT_NOT_READY', 'This document is still being prepared (its PDF is not rendered yet). Try again in a minute.');
}
