import { centreSummary } from '@achievement/identity';
import { DEFAULT_CERTIFICATE_FONT_FILES } from '@achievement/documents';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { poundsLabel } from '../money';
import { ApiError } from '@achievement/platform';

interface InvoiceOrder {
  number: string;
  placed_at: Date;
  placed_by_name: string;
  status: string;
  net_pence: number;
  vat_pence: number;
  gross_pence: number;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

/**
 * The monthly invoice of a centre for the orders it placed on credit that month (not cancelled):
 * a PDF made on demand, the same every time for a past month. Names in any script print, as on the
 * certificates (the same Noto fonts, embedded whole).
 */
@Injectable()
export class MonthlyInvoiceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async invoice(centreId: number, month: string): Promise<{ pdf: Buffer; fileName: string }> {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
    if (!m)
      throw new ApiError('VALIDATION_FAILED', {
        message: 'month must be written YYYY-MM, e.g. 2026-11',
        fieldErrors: { month: ['Give the month as YYYY-MM.'] },
      });
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    const to = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
    const centre = await centreSummary(this.dataSource, centreId);
    if (!centre) throw new ApiError('CENTRE_NOT_FOUND', 'There is no such centre.');
    const orders: InvoiceOrder[] = await this.dataSource.query(
      `SELECT number, placed_at, placed_by_name, status, net_pence, vat_pence, gross_pence FROM orders
        WHERE centre_id = ? AND payment_method = 'centre_credit' AND status <> 'cancelled' AND placed_at >= ? AND placed_at < ? ORDER BY placed_at, id`,
      [centreId, from, to],
    );
    fontBytes ??= { regular: readFileSync(DEFAULT_CERTIFICATE_FONT_FILES.regular), bold: readFileSync(DEFAULT_CERTIFICATE_FONT_FILES.bold) };
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    pdf.setTitle(`Invoice ${centre.number} ${month}`);
    pdf.setCreationDate(to);
    pdf.setModificationDate(to);
    const font = await pdf.embedFont(fontBytes.regular, { subset: false });
    const bold = await pdf.embedFont(fontBytes.bold, { subset: false });
    let page = pdf.addPage([595, 842]);
    let y = 780;
    const text = (p: PDFPage, t: string, x: number, at: number, f: PDFFont = font, size = 10) =>
      p.drawText(t, { x, y: at, size, font: f, color: rgb(0.12, 0.16, 0.2) });
    text(page, 'Invoice — centre credit account', 50, y, bold, 18);
    y -= 28;
    text(page, `${centre.name} (centre ${centre.number})`, 50, y, bold, 12);
    y -= 16;
    text(page, [centre.address.line1, centre.address.town, centre.address.postcode].filter(Boolean).join(', '), 50, y);
    y -= 16;
    text(
      page,
      `Orders placed in ${from.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })} — invoice ${centre.number}-${month}`,
      50,
      y,
    );
    y -= 30;
    const header = () => {
      for (const [label, x] of [
        ['Order', 50],
        ['Placed', 120],
        ['By', 200],
        ['Net', 380],
        ['VAT', 440],
        ['Total', 500],
      ] as const)
        text(page, label, x, y, bold);
      y -= 16;
    };
    header();
    for (const o of orders) {
      if (y < 80) {
        page = pdf.addPage([595, 842]);
        y = 790;
        header();
      }
      text(page, o.number, 50, y);
      text(page, new Date(o.placed_at).toISOString().slice(0, 10), 120, y);
      text(page, o.placed_by_name.slice(0, 32), 200, y);
      text(page, poundsLabel(Number(o.net_pence)), 380, y);
      text(page, poundsLabel(Number(o.vat_pence)), 440, y);
      text(page, poundsLabel(Number(o.gross_pence)), 500, y);
      y -= 14;
    }
    const sum = (k: 'net_pence' | 'vat_pence' | 'gross_pence') => orders.reduce((n, o) => n + Number(o[k]), 0);
    y -= 10;
    text(page, orders.length ? `Total of ${orders.length} order(s)` : 'No orders were placed on credit this month.', 50, y, bold);
    if (orders.length) {
      text(page, poundsLabel(sum('net_pence')), 380, y, bold);
      text(page, poundsLabel(sum('vat_pence')), 440, y, bold);
      text(page, poundsLabel(sum('gross_pence')), 500, y, bold);
    }
    y -= 30;
    text(page, 'VAT at 20%. Payment is due within 30 days of the invoice.', 50, y);
    return { pdf: Buffer.from(await pdf.save()), fileName: `invoice-${centre.number}-${month}.pdf` };
  }
}
