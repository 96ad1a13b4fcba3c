import { CENTRE_COPY_STAMP } from '@achievement/contracts';
import { degrees, PDFDocument, PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * Stamps CENTRE_COPY_STAMP diagonally across every page (lower left to upper right), large and
 * half transparent, so a viewed or downloaded copy cannot pass for the learner's document.
 */
export async function stampCentreCopy(pdf: Buffer | Uint8Array, text = CENTRE_COPY_STAMP): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  await drawCentreCopyStamp(doc, text);
  return Buffer.from(await doc.save());
}

/** Draws the centre-copy stamp on the pages (every page of the document unless given; the renderer's centre copy, and stampCentreCopy). */
export async function drawCentreCopyStamp(doc: PDFDocument, text = CENTRE_COPY_STAMP, pages: PDFPage[] = doc.getPages()): Promise<void> {
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const page of pages) {
    const { width, height } = page.getSize();
    const angle = Math.atan2(height, width);
    const diagonal = Math.hypot(width, height);
    const size = Math.max(8, Math.min(72, (diagonal * 0.8) / font.widthOfTextAtSize(text, 1)));
    const textWidth = font.widthOfTextAtSize(text, size);
    const textHeight = font.heightAtSize(size, { descender: false });
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // the rotation turns the text about its start: place the start so the middle of the text is the middle of the page
    const x = width / 2 - (textWidth / 2) * cos + (textHeight / 2) * sin;
    const y = height / 2 - (textWidth / 2) * sin - (textHeight / 2) * cos;
    page.drawText(text, { x, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.35, rotate: degrees((angle * 180) / Math.PI) });
  }
}

/** An RFC 6266 Content-Disposition value for an inline PDF: a plain ASCII name plus its UTF-8 form. */
export function inlineDisposition(name: string): string {
  const clean =
    name
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 100) || 'document.pdf';
  return `inline; filename="${clean}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
