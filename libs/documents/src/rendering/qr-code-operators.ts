import QRCode from 'qrcode';

/**
 * The PDF content-stream operators that paint a QR code as a square of `size` points whose
 * lower-left corner is at (x, y): white background, quiet zone of 4 modules, dark modules as
 * filled rectangles (runs on a row merged). Written as operator text directly: it is drawn on
 * every certificate, and going through an SVG path parser costs more than the rest of the page.
 */
export function qrCodeOperators(text: string, x: number, y: number, size: number): string {
  // one byte-mode segment: a URL has lower-case letters, so byte mode is what the search for the best segmentation would find, at a cost per certificate
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const quiet = 4;
  const unit = size / (n + 2 * quiet);
  const f = (v: number) => v.toFixed(3);
  const ops: string[] = ['q', '1 g', `${f(x)} ${f(y)} ${f(size)} ${f(size)} re`, 'f', '0 g'];
  for (let row = 0; row < n; row++) {
    const top = y + size - (row + quiet + 1) * unit;
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      ops.push(`${f(x + (start + quiet) * unit)} ${f(top)} ${f((col - start) * unit)} ${f(unit)} re`);
    }
  }
  ops.push('f', 'Q');
  return ops.join('\n');
}
