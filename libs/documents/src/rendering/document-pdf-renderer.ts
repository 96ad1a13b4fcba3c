import { calendarDateText, CENTRE_COPY_STAMP, DOCUMENT_TYPE_LABELS } from '@achievement/contracts';
import { Injectable } from '@nestjs/common';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { CertificateContent } from './certificate-content';
import { CertificateFontRole, CertificateFonts } from './certificate-fonts';
import { useNativeDeflateForPdfLib } from './native-deflate';
import { qrCodeOperators } from './qr-code-operators';
import { drawCentreCopyStamp } from '../viewer/centre-copy-stamp';

/** The awarding body as printed at the head of every certificate. */
export const AWARDING_BODY_NAME = 'Achievement Awarding Body';

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, in points
const NAVY = rgb(0.07, 0.21, 0.36);
const GOLD = rgb(0.72, 0.56, 0.22);
const INK = rgb(0.12, 0.12, 0.14);
const GREY = rgb(0.38, 0.38, 0.42);
const MARGIN = 64;
const QR_SIZE = 92;
const UNITS_ON_FIRST_PAGE = 14;
const UNITS_PER_PAGE = 44;

const SUBSET_NAMES: Record<CertificateFontRole, string> = {
  regular: 'APCRTR+NotoSerif-Regular',
  bold: 'APCRTB+NotoSerif-Bold',
  cjk: 'APCRTC+NotoSansSC-Regular',
};

type Align = 'left' | 'center' | 'right';
interface TextStyle {
  size: number;
  role?: 'regular' | 'bold';
  color?: ReturnType<typeof rgb>;
  align?: Align;
  /** shrink the size until the text fits (names, titles) */
  maxWidth?: number;
}
interface Run {
  role: CertificateFontRole;
  text: string;
}

/**
 * Renders an achievement document as an A4 landscape PDF: the awarding body, the document type,
 * the learner's name, the qualification, grade, award date, units, document number, and a QR code
 * of the public verification URL with "Scan to verify". Text in any script is drawn: runs of
 * characters the text face (Noto Serif: Latin, Greek, Cyrillic) lacks are drawn in Noto Sans SC
 * (Chinese), and each font is embedded as a subset of the characters used.
 * Fonts are parsed once per process (CertificateFonts), not once per document.
 */
@Injectable()
export class DocumentPdfRenderer {
  constructor(private readonly fonts: CertificateFonts = CertificateFonts.default()) {
    useNativeDeflateForPdfLib();
  }

  async render(content: CertificateContent): Promise<Buffer> {
    return Buffer.from(await (await this.layOut(content)).save({ useObjectStreams: true }));
  }

  /**
   * The document and its centre copy (the same pages with the viewer's CENTRE_COPY_STAMP drawn
   * over them): laid out once and saved twice, far cheaper than stamping the saved PDF again.
   * The document's bytes are those render() gives.
   */
  async renderWithCentreCopy(content: CertificateContent): Promise<{ pdf: Buffer; centreCopy: Buffer }> {
    const doc = await this.layOut(content);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: true }));
    // fresh page objects: the stamp goes into a content stream of its own (the pages' streams were saved, and keep their saved bytes)
    await drawCentreCopyStamp(
      doc,
      CENTRE_COPY_STAMP,
      doc.getPages().map((page) => PDFPage.of(page.node, page.ref, doc)),
    );
    const centreCopy = Buffer.from(await doc.save({ useObjectStreams: true }));
    return { pdf, centreCopy };
  }

  private async layOut(content: CertificateContent): Promise<PDFDocument> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(this.fonts.fontkit);
    doc.setTitle(`${DOCUMENT_TYPE_LABELS[content.type]} ${content.documentNumber}`);
    doc.setAuthor(AWARDING_BODY_NAME);
    doc.setCreator(AWARDING_BODY_NAME);
    doc.setProducer('Achievement Portal');
    doc.setLanguage('en-GB');
    const writer = new PageWriter(doc, this.fonts);

    const page = doc.addPage([PAGE.width, PAGE.height]);
    frame(page);
    const centre = PAGE.width / 2;
    const width = PAGE.width - 2 * MARGIN;
    let y = PAGE.height - 92;
    await writer.text(page, AWARDING_BODY_NAME.toUpperCase(), centre, y, {
      size: 13,
      role: 'bold',
      color: NAVY,
      align: 'center',
    });
    y -= 12;
    page.drawLine({
      start: { x: centre - 60, y },
      end: { x: centre + 60, y },
      thickness: 0.8,
      color: GOLD,
    });
    y -= 40;
    await writer.text(page, DOCUMENT_TYPE_LABELS[content.type], centre, y, {
      size: 34,
      role: 'bold',
      color: NAVY,
      align: 'center',
    });
    y -= 36;
    await writer.text(page, 'This is to certify that', centre, y, {
      size: 13,
      color: GREY,
      align: 'center',
    });
    y -= 44;
    await writer.text(page, content.learnerName, centre, y, {
      size: 30,
      role: 'bold',
      color: INK,
      align: 'center',
      maxWidth: width,
    });
    y -= 20;
    await writer.text(page, `Enrolment number ${content.enrolmentNumber}`, centre, y, { size: 10, color: GREY, align: 'center' });
    y -= 28;
    await writer.text(page, achievementPhrase(content), centre, y, {
      size: 13,
      color: GREY,
      align: 'center',
    });
    y -= 30;
    for (const line of wrap(content.qualificationTitle, 70, 2)) {
      await writer.text(page, line, centre, y, {
        size: 19,
        role: 'bold',
        color: INK,
        align: 'center',
        maxWidth: width,
      });
      y -= 24;
    }
    await writer.text(page, `Qualification number ${content.qualificationCode}`, centre, y, { size: 11, color: GREY, align: 'center' });
    y -= 22;
    if (content.grade) {
      await writer.text(page, `Grade: ${content.grade}`, centre, y, {
        size: 14,
        role: 'bold',
        color: NAVY,
        align: 'center',
        maxWidth: width,
      });
      y -= 22;
    }

    const units = content.type === 'certificate' ? [] : content.units;
    const overflow = units.length > UNITS_ON_FIRST_PAGE ? units.slice(UNITS_ON_FIRST_PAGE - 1) : [];
    if (units.length) {
      y -= 4;
      await writer.text(page, 'Units achieved', MARGIN + 24, y, {
        size: 10,
        role: 'bold',
        color: NAVY,
      });
      y -= 14;
      const shown = overflow.length ? units.slice(0, UNITS_ON_FIRST_PAGE - 1) : units;
      y = await writer.unitColumns(page, shown, y, MARGIN + 24, PAGE.width - 2 * MARGIN - 48);
      if (overflow.length)
        await writer.text(
          page,
          `… and ${overflow.length} more unit${overflow.length === 1 ? '' : 's'}, listed on the following page${overflow.length > UNITS_PER_PAGE ? 's' : ''}.`,
          MARGIN + 24,
          y,
          { size: 8.5, color: GREY },
        );
    }

    await footer(writer, page, content);

    for (let i = 0; i < overflow.length; i += UNITS_PER_PAGE) {
      const next = doc.addPage([PAGE.width, PAGE.height]);
      frame(next);
      let ny = PAGE.height - 92;
      await writer.text(next, `${DOCUMENT_TYPE_LABELS[content.type]} ${content.documentNumber}: units achieved (continued)`, centre, ny, {
        size: 13,
        role: 'bold',
        color: NAVY,
        align: 'center',
        maxWidth: width,
      });
      ny -= 18;
      await writer.text(next, `${content.learnerName} · ${content.qualificationCode} ${content.qualificationTitle}`, centre, ny, {
        size: 10,
        color: GREY,
        align: 'center',
        maxWidth: width,
      });
      ny -= 28;
      await writer.unitColumns(next, overflow.slice(i, i + UNITS_PER_PAGE), ny, MARGIN + 24, PAGE.width - 2 * MARGIN - 48);
      await writer.text(next, `Document number ${content.documentNumber}`, MARGIN + 8, 52, { size: 8.5, color: GREY });
    }

    return doc;
  }
}

function achievementPhrase(content: CertificateContent): string {
  switch (content.type) {
    case 'certificate':
      return 'has been awarded';
    case 'unit_certificate':
      return 'has achieved the units listed below of';
    case 'record_of_achievement':
      return 'has achieved the units listed below towards';
  }
}

/** Up to `maxLines` lines of about `perLine` characters, broken between words. */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  if (text.length <= perLine) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > perLine && lines.length < maxLines - 1) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function frame(page: PDFPage): void {
  page.drawRectangle({
    x: 20,
    y: 20,
    width: PAGE.width - 40,
    height: PAGE.height - 40,
    borderColor: NAVY,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 28,
    y: 28,
    width: PAGE.width - 56,
    height: PAGE.height - 56,
    borderColor: GOLD,
    borderWidth: 0.8,
  });
}

async function footer(writer: PageWriter, page: PDFPage, content: CertificateContent): Promise<void> {
  const left = MARGIN + 8;
  let y = 118;
  const facts: [string, string][] = [
    // written as every screen writes a calendar date (calendarDateText), so the pages show what the PDF prints
    ['Award date', calendarDateText(content.awardDate)],
    ['Document number', content.version > 1 ? `${content.documentNumber} (version ${content.version}, a corrected reissue)` : content.documentNumber],
    ['Centre', `${content.centreName} (${content.centreNumber})`],
  ];
  for (const [label, value] of facts) {
    await writer.text(page, `${label}:`, left, y, {
      size: 9.5,
      role: 'bold',
      color: NAVY,
    });
    await writer.text(page, value, left + 96, y, {
      size: 9.5,
      color: INK,
      maxWidth: 280,
    });
    y -= 15;
  }
  // signature line
  const sx = PAGE.width / 2 + 10;
  page.drawLine({
    start: { x: sx, y: 86 },
    end: { x: sx + 170, y: 86 },
    thickness: 0.6,
    color: GREY,
  });
  await writer.text(page, 'Chief Executive', sx + 85, 74, {
    size: 9,
    color: GREY,
    align: 'center',
  });
  await writer.text(page, AWARDING_BODY_NAME, sx + 85, 62, {
    size: 9,
    color: GREY,
    align: 'center',
  });

  // the QR code of the public verification page
  const qx = PAGE.width - MARGIN - QR_SIZE;
  const qy = 58;
  const context = page.doc.context;
  page.node.addContentStream(context.register(context.flateStream(qrCodeOperators(content.verificationUrl, qx, qy, QR_SIZE))));
  await writer.text(page, 'Scan to verify', qx + QR_SIZE / 2, qy - 11, {
    size: 9,
    role: 'bold',
    color: NAVY,
    align: 'center',
  });
  // the code of the verification URL, for typing it in when a QR code cannot be scanned
  const code = content.verificationUrl.slice(content.verificationUrl.lastIndexOf('/') + 1);
  await writer.text(page, code, qx + QR_SIZE / 2, qy - 21, {
    size: 6.5,
    color: GREY,
    align: 'center',
  });
}

/** Draws text in runs of the font that has its characters, embedding each font (as a subset) only when a document first needs it. */
class PageWriter {
  private readonly embedded = new Map<CertificateFontRole, Promise<PDFFont>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: CertificateFonts,
  ) {}

  private font(role: CertificateFontRole): Promise<PDFFont> {
    let f = this.embedded.get(role);
    if (!f) {
      // a fixed subset name (pdf-lib would add a random suffix): the same document renders to the same bytes, so a re-delivered render stores an identical file
      f = this.doc.embedFont(this.fonts.bytes[role], {
        subset: true,
        customName: SUBSET_NAMES[role],
      });
      this.embedded.set(role, f);
    }
    return f;
  }

  /** Splits text into runs: the styled face where it has the glyph, the CJK face where it does not. */
  private runs(text: string, role: 'regular' | 'bold'): Run[] {
    const runs: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const use: CertificateFontRole = this.fonts.hasGlyph(role, cp) || !this.fonts.hasGlyph('cjk', cp) ? role : 'cjk';
      const last = runs[runs.length - 1];
      if (last && last.role === use) last.text += ch;
      else runs.push({ role: use, text: ch });
    }
    return runs;
  }

  async text(page: PDFPage, text: string, x: number, y: number, style: TextStyle): Promise<void> {
    const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, '');
    if (!clean) return;
    const runs = this.runs(clean, style.role ?? 'regular');
    const fonts = await Promise.all(runs.map((r) => this.font(r.role)));
    let size = style.size;
    const widthAt = (s: number) => runs.reduce((sum, r, i) => sum + fonts[i].widthOfTextAtSize(r.text, s), 0);
    let width = widthAt(size);
    if (style.maxWidth && width > style.maxWidth) {
      size = Math.max(6, (size * style.maxWidth) / width);
      width = widthAt(size);
    }
    let cx = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
    runs.forEach((r, i) => {
      page.drawText(r.text, {
        x: cx,
        y,
        size,
        font: fonts[i],
        color: style.color ?? INK,
      });
      cx += fonts[i].widthOfTextAtSize(r.text, size);
    });
  }

  /** Units in two columns, "code  title"; returns the y below them. */
  async unitColumns(page: PDFPage, units: { code: string | null; title: string }[], top: number, left: number, width: number): Promise<number> {
    const perColumn = Math.ceil(units.length / 2);
    const columnWidth = width / 2;
    let bottom = top;
    for (let i = 0; i < units.length; i++) {
      const col = i < perColumn ? 0 : 1;
      const row = col === 0 ? i : i - perColumn;
      const y = top - row * 12.5;
      const x = left + col * columnWidth;
      const u = units[i];
      if (u.code)
        await this.text(page, u.code, x, y, {
          size: 8.5,
          role: 'bold',
          color: NAVY,
          maxWidth: 70,
        });
      await this.text(page, u.title, x + (u.code ? 74 : 0), y, {
        size: 8.5,
        color: INK,
        maxWidth: columnWidth - (u.code ? 84 : 10),
      });
      bottom = Math.min(bottom, y - 12.5);
    }
    return bottom;
  }
}
