import { Documents1764300002000 } from './1764300002000-documents';
import { DocumentsIssuing1764320000000 } from './1764320000000-documents-issuing';
import { DocumentsRecords1764330000000 } from './1764330000000-documents-records';
import { RecordsLetterFolding1764390000000 } from './1764390000000-records-letter-folding';
import { RecordsSurnameSort1764391000000 } from './1764391000000-records-surname-sort';
import { DocumentsCentreCopies1796263115552 } from './1796263115552-documents-centre-copies';

/** The documents lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const DOCUMENTS_MIGRATIONS = [
  Documents1764300002000,
  DocumentsIssuing1764320000000,
  DocumentsRecords1764330000000,
  RecordsLetterFolding1764390000000,
  RecordsSurnameSort1764391000000,
  DocumentsCentreCopies1796263115552,
];
