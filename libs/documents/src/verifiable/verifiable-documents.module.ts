import { Module } from '@nestjs/common';
import { VerifiableDocuments } from './verifiable-documents';
import { VerifyDisplaySettings } from './verify-display-settings';

/**
 * The public read surface of documents for verification (and the administrators' display
 * settings), so that verification never touches the documents' entities. Needs only the platform (global).
 */
@Module({
  providers: [VerifiableDocuments, VerifyDisplaySettings],
  exports: [VerifiableDocuments, VerifyDisplaySettings],
})
export class VerifiableDocumentsModule {}
