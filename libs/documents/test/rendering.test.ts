import { CertificateContent, DocumentPdfRenderer } from '@achievement/documents';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Runs a poppler tool on a PDF in a folder of its own; returns what `read` makes of the folder. */
function withPdf<T>(pdf: Buffer, read: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ap-render-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return read(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(pdf: Buffer): string {
  return withPdf(pdf, (file) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
}

/** Renders the first page to a PNG (pdftoppm) and decodes the QR code on it with jsQR. */
function decodeQr(pdf: Buffer): string | null {
  return withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data ?? null;
  });
}

const base: CertificateContent = {
  type: 'certificate',
  documentNumber: 'D100004321',
  learnerName: 'Priya Shah',
  enrolmentNumber: '0002124',
  qualificationCode: '603/7506/5',
  qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance and Repair Principles',
  grade: 'Distinction',
  awardDate: '2025-07-14',
  units: [],
  centreName: 'Northfield College',
  centreNumber: 'C10001',
  version: 1,
  verificationUrl: 'https://portal.example.org/verify/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4',
};

describe('the certificate PDF', () => {
  const renderer = new DocumentPdfRenderer();

  it("carries a QR code that decodes to the document's verification URL, captioned 'Scan to verify'", async () => {
    const pdf = await renderer.render(base);
    expect(decodeQr(pdf)).toBe(base.verificationUrl);
    expect(pdfText(pdf)).toContain('Scan to verify');
  });

  it.each([
    ['Łukasz', 'Wójcik'],
    ['Γιώργος', 'Παπαδόπουλος'],
    ['小明', '王'],
    ['Анна', 'Кузнецова'],
  ])('prints the name %s %s as text a reader can find (pdftotext)', async (first, last) => {
    const pdf = await renderer.render({
      ...base,
      learnerName: `${first} ${last}`,
    });
    expect(pdfText(pdf)).toContain(`${first} ${last}`);
  });

  it('prints the facts of the document and lists the units of a unit certificate, over more pages when they do not fit', async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({
      code: `F/617/${String(5000 + i)}`,
      title: `Workshop unit ${i + 1}`,
    }));
    const pdf = await renderer.render({
      ...base,
      type: 'unit_certificate',
      units,
      learnerName: 'Łukasz Wójcik',
    });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const fact of [
      'ACHIEVEMENT AWARDING BODY',
      'Unit certificate',
      'Łukasz Wójcik',
      'Level 3 Diploma in Light Vehicle Maintenance',
      '603/7506/5',
      'Distinction',
      '14 July 2025',
      'D100004321',
      'Northfield College',
    ]) {
      expect(text).toContain(fact);
    }
    for (const u of units) expect(text).toContain(u.title);
    expect(text).toContain('units achieved (continued)');
  });

  it('renders the same document to the same bytes (a re-delivered render stores an identical file), and keeps it small', async () => {
    const one = await renderer.render({ ...base, learnerName: '王小明' });
    const two = await renderer.render({ ...base, learnerName: '王小明' });
    expect(one.equals(two)).toBe(true);
    expect(one.length).toBeLessThan(60_000); // subsets of the fonts, not the 10 MB CJK face
  });
});
