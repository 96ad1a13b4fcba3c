import { AddToBasketRequest, Basket, BasketItem, DocumentType, StoreDocument, StoreLearner, UpdateBasketItemRequest } from '@achievement/contracts';
import { OrderableDocument, OrderableDocumentsService } from '@achievement/documents';
import { AuthenticatedUser, Clock, retryOnLockConflict } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from './catalogue.service';
import { orderingScopeOf } from './customer';
import { moneyOf, sumOf } from './money';
import { ApiError } from '@achievement/platform';

/** The most items a basket holds. */
export const MAX_BASKET_ITEMS = 200;

export interface BasketRow {
  id: number;
  product_id: number;
  product_name: string;
  price_pence: number;
  document_types: DocumentType[] | string;
  product_active: number;
  document_id: number;
  reason_id: number;
  reason_label: string;
  reason_active: number;
  quantity: number;
}

/** A basket line with everything an order line copies. */
export interface PricedItem {
  row: BasketRow;
  document: OrderableDocument;
}

/**
 * The store's look-ups and the basket: one per user, holding documents of many learners, kept in
 * the database (so it survives signing out). Prices are never taken from the browser: the basket
 * holds only which document, which product and why, and prices are read from the products.
 */
@Injectable()
export class BasketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: OrderableDocumentsService,
    private readonly catalogue: CatalogueService,
    private readonly clock: Clock,
  ) {}

  /** Centre staff: their centre's learners holding documents the product applies to. */
  async learners(user: AuthenticatedUser, productId: number, text: string): Promise<StoreLearner[]> {
    const scope = orderingScopeOf(user);
    const product = await this.catalogue.product(productId);
    if (!('centreId' in scope)) throw new ApiError('NO_LEARNER_TO_CHOOSE', 'Learners order copies of their own documents: there is no learner to choose.');
    return this.documents.learnersAtCentre(scope.centreId, text, product.documentTypes);
  }

  /** A learner's documents the product applies to (learners: their own; learnerId is then not needed). */
  async documentsFor(user: AuthenticatedUser, productId: number, learnerId: number | undefined): Promise<StoreDocument[]> {
    const scope = orderingScopeOf(user);
    const product = await this.catalogue.product(productId);
    const learner = 'learnerId' in scope ? scope.learnerId : learnerId;
    if (!learner) throw new ApiError('LEARNER_REQUIRED', { message: 'Choose a learner first.', fieldErrors: { learnerId: ['Choose a learner.'] } });
    const docs = await this.documents.documentsOf(scope, learner, product.documentTypes);
    const inBasket = new Set<number>(
      (await this.dataSource.query('SELECT document_id FROM basket_items WHERE user_id = ? AND product_id = ?', [user.id, productId])).map(
        (r: { document_id: number }) => Number(r.document_id),
      ),
    );
    return docs.map((d) => ({
      id: d.id,
      documentNumber: d.documentNumber,
      type: d.type,
      qualification: { code: d.qualificationCode, title: d.qualificationTitle },
      awardDate: d.awardDate,
      status: d.status,
      inBasket: inBasket.has(d.id),
    }));
  }

  async basket(user: AuthenticatedUser): Promise<Basket> {
    const priced = await this.priced(user);
    const items: BasketItem[] = priced.map(({ row, document }) => ({
      id: Number(row.id),
      product: { id: Number(row.product_id), name: row.product_name },
      document: { id: document.id, documentNumber: document.documentNumber, type: document.type, qualificationTitle: document.qualificationTitle },
      learner: { id: document.learnerId, name: document.learnerName, enrolmentNumber: document.enrolmentNumber },
      reason: { id: Number(row.reason_id), label: row.reason_label },
      quantity: Number(row.quantity),
      line: moneyOf(Number(row.price_pence) * Number(row.quantity)),
    }));
    return { items, count: items.length, subtotal: sumOf(items.map((i) => i.line)) };
  }

  async add(user: AuthenticatedUser, request: AddToBasketRequest): Promise<Basket> {
    const scope = orderingScopeOf(user);
    const product = await this.catalogue.product(request.productId);
    const ids = request.items.map((i) => i.documentId);
    if (new Set(ids).size !== ids.length) throw new ApiError('DOCUMENT_LISTED_TWICE', 'A document is listed twice: each document once, with its reason.');
    const docs = new Map((await this.documents.byIds(scope, ids)).map((d) => [d.id, d]));
    const missing = ids.filter((id) => !docs.has(id));
    if (missing.length) throw new ApiError('DOCUMENT_NOT_ORDERABLE', `Not a document you can order copies of: ${missing.join(', ')}.`);
    const wrongType = ids.filter((id) => !product.documentTypes.includes(docs.get(id)!.type));
    if (wrongType.length)
      throw new ApiError(
        'PRODUCT_NOT_FOR_DOCUMENT',
        `${product.name} is not for ${wrongType.map((id) => docs.get(id)!.documentNumber).join(', ')}: choose the product for that kind of document.`,
      );
    const invalid = ids.filter((id) => docs.get(id)!.status !== 'valid');
    if (invalid.length)
      throw new ApiError(
        'DOCUMENT_NOT_VALID',
        `Copies are printed of valid documents only; not valid: ${invalid.map((id) => docs.get(id)!.documentNumber).join(', ')}.`,
      );
    const reasons = new Set((await this.catalogue.reasons(true)).map((r) => r.id));
    if (request.items.some((i) => !reasons.has(i.reasonId)))
      throw new ApiError('REASON_UNKNOWN', {
        message: 'Choose a reason from the list for each document.',
        fieldErrors: { reasonId: ['Choose a reason from the list.'] },
      });
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        await this.lock(manager, user.id);
        const [count] = await manager.query('SELECT COUNT(*) AS n FROM basket_items WHERE user_id = ?', [user.id]);
        if (Number(count.n) + ids.length > MAX_BASKET_ITEMS)
          throw new ApiError('BASKET_FULL', `A basket holds at most ${MAX_BASKET_ITEMS} items: check out or remove some first.`);
        try {
          await manager.query(
            `INSERT INTO basket_items (user_id, product_id, document_id, reason_id, quantity, added_at) VALUES ${request.items.map(() => '(?, ?, ?, ?, 1, ?)').join(', ')}`,
            request.items.flatMap((i) => [user.id, product.id, i.documentId, i.reasonId, this.clock.now()]),
          );
        } catch (err) {
          if ((err as { code?: string }).code === 'ER_DUP_ENTRY')
            throw new ApiError('ALREADY_IN_BASKET', 'One of these documents is in your basket already with this product: change its quantity there.');
          throw err;
        }
      }),
    );
    return this.basket(user);
  }

  async update(user: AuthenticatedUser, itemId: number, request: UpdateBasketItemRequest): Promise<Basket> {
    if (request.reasonId !== undefined && !(await this.catalogue.reasons(true)).some((r) => r.id === request.reasonId)) {
      throw new ApiError('REASON_UNKNOWN', { message: 'Choose a reason from the list.', fieldErrors: { reasonId: ['Choose a reason from the list.'] } });
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    if (request.reasonId !== undefined) {
      sets.push('reason_id = ?');
      params.push(request.reasonId);
    }
    if (request.quantity !== undefined) {
      sets.push('quantity = ?');
      params.push(request.quantity);
    }
    if (!sets.length) throw new ApiError('NOTHING_TO_CHANGE', 'Say what to change: the reason or the quantity.');
    const r = await this.changeLocked(user.id, (manager) =>
      manager.query(`UPDATE basket_items SET ${sets.join(', ')} WHERE id = ? AND user_id = ?`, [...params, itemId, user.id]),
    );
    if (!r.affectedRows) throw new ApiError('BASKET_ITEM_NOT_FOUND', 'This item is not in your basket.');
    return this.basket(user);
  }

  async remove(user: AuthenticatedUser, itemId: number): Promise<Basket> {
    const r = await this.changeLocked(user.id, (manager) => manager.query('DELETE FROM basket_items WHERE id = ? AND user_id = ?', [itemId, user.id]));
    if (!r.affectedRows) throw new ApiError('BASKET_ITEM_NOT_FOUND', 'This item is not in your basket.');
    return this.basket(user);
  }

  /**
   * Locks the user's basket (its one row in baskets, nothing shared) for the rest of the caller's
   * transaction: changes of one basket and its checkout run one after the other, while other users'
   * baskets, the products and the reasons stay free. Call it first in the transaction, so that the
   * transaction's reads start after the previous holder's commit.
   */
  async lock(manager: EntityManager, userId: number): Promise<void> {
    await manager.query('INSERT INTO baskets (user_id, changed_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE changed_at = VALUES(changed_at)', [
      userId,
      this.clock.now(),
    ]);
  }

  private changeLocked<T>(userId: number, change: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        await this.lock(manager, userId);
        return change(manager);
      }),
    );
  }

  /**
   * The basket's items with their documents, prices from the products. Inside a transaction (for
   * checkout) pass its manager, after lock(): every read then uses the transaction's connection.
   * Nothing shared is locked. Items the user may no longer order (a document moved, revoked) are
   * kept out: checkout then refuses rather than charging for them.
   */
  async priced(user: AuthenticatedUser, manager?: EntityManager): Promise<PricedItem[]> {
    const rows: BasketRow[] = await (manager ?? this.dataSource).query(
      `SELECT b.id, b.product_id, p.name AS product_name, p.price_pence, p.document_types, p.active AS product_active, b.document_id,
              b.reason_id, r.label AS reason_label, r.active AS reason_active, b.quantity
         FROM basket_items b JOIN products p ON p.id = b.product_id JOIN duplicate_reasons r ON r.id = b.reason_id
        WHERE b.user_id = ? ORDER BY b.id`,
      [user.id],
    );
    if (!rows.length) return [];
    const docs = new Map(
      (
        await this.documents.byIds(
          orderingScopeOf(user),
          rows.map((r) => Number(r.document_id)),
          manager,
        )
      ).map((d) => [d.id, d]),
    );
    return rows.filter((r) => docs.has(Number(r.document_id))).map((row) => ({ row, document: docs.get(Number(row.document_id))! }));
  }
}
