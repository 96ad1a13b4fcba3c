import { AuthenticatedUser, FileStorage } from '@achievement/platform';
import { ConflictException, Injectable } from '@nestjs/common';
import { stampCentreCopy } from './centre-copy-stamp';
import { DocumentDetailService } from './document-detail.service';

export interface ViewablePdf {
  fileName: string;
  content: Buffer;
}

/**
 * The PDF of a document to look at: the stored file, stamped "Centre copy — not valid for
 * verification" on every page, for centre staff of its centre and for support and
 * administrators. (Learners will see their own unstamped documents through the learner portal.)
 */
@Injectable()
export class DocumentViewerService {
  constructor(
    private readonly documents: DocumentDetailService,
    private readonly storage: FileStorage,
  ) {}

  async viewDocument(user: AuthenticatedUser, id: number): Promise<ViewablePdf> {
    const doc = await this.documents.accessibleDocument(user, id);
    if (!doc.fileKey) throw notRendered();
    const stored = await this.storage.stat(doc.fileKey);
    if (!stored) throw notRendered();
    const content = await stampCentreCopy(await this.storage.readAll(doc.fileKey));
    return { fileName: `${doc.documentNumber}.pdf`, content };
  }
}

function notRendered(): ConflictException {
  return new ConflictException('This document is still being prepared (its PDF is not rendered yet). Try again in a minute.');
}
