import { AdminProduct, DeliveryMethod, DeliveryOption, DocumentType, DuplicateReason, SaveProductRequest, SaveReasonRequest } from '@achievement/contracts';
import { Actor, AuditService } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { moneyOf } from './money';
import { ApiError } from '@achievement/platform';

interface ProductRow {
  id: number;
  code: string;
  name: string;
  description: string;
  price_pence: number;
  document_types: DocumentType[] | string;
  active: number;
}

export function productOf(r: ProductRow): AdminProduct {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    description: r.description,
    price: moneyOf(Number(r.price_pence)),
    documentTypes: typeof r.document_types === 'string' ? (JSON.parse(r.document_types) as DocumentType[]) : r.document_types,
    active: Number(r.active) === 1,
  };
}

/** Products, duplicate reasons and delivery options: what the store sells and how, managed by administrators. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async products(activeOnly: boolean): Promise<AdminProduct[]> {
    const rows: ProductRow[] = await this.dataSource.query(`SELECT * FROM products ${activeOnly ? 'WHERE active = 1' : ''} ORDER BY name, id`);
    return rows.map(productOf);
  }

  async product(id: number, activeOnly = true): Promise<AdminProduct> {
    const [row]: ProductRow[] = await this.dataSource.query(`SELECT * FROM products WHERE id = ? ${activeOnly ? 'AND active = 1' : ''}`, [id]);
    if (!row) throw new ApiError('PRODUCT_NOT_FOUND', 'There is no such product in the store.');
    return productOf(row);
  }

  async saveProduct(actor: Actor, id: number | null, input: SaveProductRequest): Promise<AdminProduct> {
    const values = [
      input.code.toUpperCase(),
      input.name,
      input.description,
      input.pricePence,
      JSON.stringify([...new Set(input.documentTypes)]),
      input.active ? 1 : 0,
    ];
    try {
      if (id === null) {
        const r = await this.dataSource.query(
          'INSERT INTO products (code, name, description, price_pence, document_types, active) VALUES (?, ?, ?, ?, ?, ?)',
          values,
        );
        id = Number(r.insertId);
      } else {
        const before = await this.product(id, false);
        await this.dataSource.query('UPDATE products SET code = ?, name = ?, description = ?, price_pence = ?, document_types = ?, active = ? WHERE id = ?', [
          ...values,
          id,
        ]);
        await this.audit.record(actor, { action: 'product.changed', subjectType: 'product', subjectId: id, before: { ...before }, after: { ...input } });
        return this.product(id, false);
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new ApiError('PRODUCT_CODE_TAKEN', { message: 'Another product has this code.', fieldErrors: { code: ['Another product has this code.'] } });
      throw err;
    }
    await this.audit.record(actor, { action: 'product.created', subjectType: 'product', subjectId: id, after: { ...input } });
    return this.product(id, false);
  }

  async reasons(activeOnly: boolean): Promise<DuplicateReason[]> {
    const rows: { id: number; label: string; active: number }[] = await this.dataSource.query(
      `SELECT id, label, active FROM duplicate_reasons ${activeOnly ? 'WHERE active = 1' : ''} ORDER BY sort_order, id`,
    );
    return rows.map((r) => ({ id: Number(r.id), label: r.label, active: Number(r.active) === 1 }));
  }

  async saveReason(actor: Actor, id: number | null, input: SaveReasonRequest): Promise<DuplicateReason> {
    try {
      if (id === null) {
        const r = await this.dataSource.query(
          'INSERT INTO duplicate_reasons (label, active, sort_order) SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM duplicate_reasons',
          [input.label, input.active ? 1 : 0],
        );
        id = Number(r.insertId);
      } else {
        const r = await this.dataSource.query('UPDATE duplicate_reasons SET label = ?, active = ? WHERE id = ?', [input.label, input.active ? 1 : 0, id]);
        if (!r.affectedRows) throw new ApiError('REASON_NOT_FOUND', 'There is no such reason.');
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new ApiError('REASON_EXISTS', {
          message: 'This reason is in the list already.',
          fieldErrors: { label: ['This reason is in the list already.'] },
        });
      throw err;
    }
    await this.audit.record(actor, { action: 'duplicate_reason.saved', subjectType: 'duplicate_reason', subjectId: id, after: { ...input } });
    return (await this.reasons(false)).find((r) => r.id === id)!;
  }

  async deliveryOptions(): Promise<DeliveryOption[]> {
    const rows: { method: DeliveryMethod; label: string; price_pence: number }[] = await this.dataSource.query(
      `SELECT method, label, price_pence FROM delivery_options ORDER BY price_pence, method`,
    );
    return rows.map((r) => ({ method: r.method, label: r.label, price: moneyOf(Number(r.price_pence)) }));
  }
}
