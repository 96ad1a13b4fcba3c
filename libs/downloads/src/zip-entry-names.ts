import { DownloadableDocument } from '@achievement/documents';

/** Longest descriptive part of an entry name (before " - <document number>.pdf"). */
const MAX_DESCRIPTION = 120;
const MAX_PART = 60;

/**
 * One part of a file name as a person reads it: Unicode kept (names like Wójcik or 王小明), but no
 * control or format characters, no path separators or characters Windows refuses, no "..", no
 * leading or trailing dots or spaces, runs of spaces collapsed, length capped (by code point).
 */
export function cleanNamePart(text: string, max = MAX_PART): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
  return capCodePoints(cleaned, max).replace(/^[.\s=+@-]+|[.\s]+$/g, '');
}

function capCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}

/**
 * Names the zip's entries (none starting with a dot or a spreadsheet formula character): "<learner> - <enrolment number> - <qualification code> - <document number>.pdf",
 * each part cleaned, the description capped so the name stays short, and the document number
 * (unique per document) always kept whole, so two entries never collide; an entry whose name is
 * somehow taken already gets its document id as well.
 */
export class ZipEntryNames {
  private readonly used = new Set<string>();

  nameOf(doc: DownloadableDocument): string {
    const number = cleanNamePart(doc.documentNumber, 30) || `document-${doc.id}`;
    const description = [doc.learnerName, doc.enrolmentNumber, doc.qualificationCode]
      .map((p) => cleanNamePart(p ?? ''))
      .filter(Boolean)
      .join(' - ');
    const base = `${capCodePoints(description, MAX_DESCRIPTION).trim()}${description ? ' - ' : ''}${number}`;
    let name = `${base}.pdf`;
    if (this.used.has(name.toLowerCase())) name = `${base} (${doc.id}).pdf`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** The zip's name for Content-Disposition (RFC 6266): an ASCII fallback and the UTF-8 name, both cleaned. */
export function attachmentDisposition(name: string): string {
  const clean = cleanNamePart(name, 100) || 'documents';
  const fileName = `${clean}.zip`;
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  const fallback = ascii && ascii !== '.zip' ? ascii : 'documents.zip';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
