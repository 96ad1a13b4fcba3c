import { Module } from '@nestjs/common';
import { VerifiableChanges } from './verifiable-changes';
import { VerifiableDocumentCache } from './verifiable-document-cache';
import { VerifiableDocuments } from './verifiable-documents';
import { VerifyDisplaySettings } from './verify-display-settings';

/**
 * The public read surface of documents for verification (and the administrators' display
 * settings), so that verification never touches the documents' entities; and the announcement of
 * changes to what verification shows (VerifiableChanges), for the documents' writers. Needs only the platform (global).
 */
@Module({
  providers: [VerifiableDocuments, VerifyDisplaySettings, VerifiableChanges, VerifiableDocumentCache],
  exports: [VerifiableDocuments, VerifyDisplaySettings, VerifiableChanges],
})
export class VerifiableDocumentsModule {}
