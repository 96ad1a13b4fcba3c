import { DownloadableDocument } from '@achievement/documents';

export const MANIFEST_FILE_NAME = 'manifest.csv';

export const MANIFEST_COLUMNS = [
  'file_name',
  'document_number',
  'document_type',
  'status',
  'version',
  'learner_name',
  'enrolment_number',
  'qualification_code',
  'qualification_title',
  'grade',
  'award_date',
  'issued_at',
  'job_number',
  'size_bytes',
  'sha256',
] as const;

/** A CSV cell: quoted when needed, control characters made spaces, and a leading = + - @ made inert so a spreadsheet does not run it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // one line per document: control characters (a CR or LF in a name) become spaces
  let text = String(value).replace(/\p{Cc}/gu, ' ');
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The manifest's header line (with a UTF-8 byte-order mark, so spreadsheet programs read names like Wójcik right). */
export function manifestHeader(): string {
  return `\ufeff${MANIFEST_COLUMNS.join(',')}\r\n`;
}

/** One manifest line: one document of the zip (its size and SHA-256 are those of the file in the zip, the document's centre copy). */
export function manifestLine(fileName: string, doc: DownloadableDocument, sizeBytes: number, sha256: string): string {
  const cells = [
    fileName,
    doc.documentNumber,
    doc.type,
    doc.status,
    doc.version,
    doc.learnerName,
    doc.enrolmentNumber,
    doc.qualificationCode,
    doc.qualificationTitle,
    doc.grade,
    doc.awardDate,
    doc.issuedAt.toISOString(),
    doc.jobNumber,
    sizeBytes,
    sha256,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The manifest of a zip being built, kept as UTF-8 blocks (about 250 bytes a document) until it is added as the zip's last entry. */
export class ZipManifest {
  private readonly blocks: Buffer[] = [Buffer.from(manifestHeader(), 'utf8')];
  private lines = '';

  add(fileName: string, doc: DownloadableDocument, sizeBytes: number, sha256: string): void {
    this.lines += manifestLine(fileName, doc, sizeBytes, sha256);
    if (this.lines.length >= 64 * 1024) {
      this.blocks.push(Buffer.from(this.lines, 'utf8'));
      this.lines = '';
    }
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.blocks, Buffer.from(this.lines, 'utf8')]);
  }
}
