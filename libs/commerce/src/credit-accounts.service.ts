import { centreSummaries, centreSummary, CentreSummary } from '@achievement/identity';
import { CreditAccount, CreditLedgerEntry } from '@achievement/contracts';
import { Actor, AuditService, Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { poundsLabel } from './money';
import { ApiError } from '@achievement/platform';

interface AccountRow {
  centre_id: number;
  limit_pence: number;
  owed_pence: number;
  open: number;
}

/**
 * Centre credit accounts: a limit, what the centre owes, and a ledger of every change. A charge
 * locks the account's row (SELECT … FOR UPDATE) inside the order's transaction, so checkouts at the
 * same moment are counted one after the other and the limit is never exceeded.
 */
@Injectable()
export class CreditAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** For checkout: whether the centre can buy on credit, and its figures. */
  async forCentre(centreId: number): Promise<{ available: boolean; limitPence: number; owedPence: number } | null> {
    const [row] = await this.dataSource.query('SELECT limit_pence, owed_pence, open FROM credit_accounts WHERE centre_id = ?', [centreId]);
    if (!row) return null;
    return { available: Number(row.open) === 1, limitPence: Number(row.limit_pence), owedPence: Number(row.owed_pence) };
  }

  /** Without a lock (a quick early answer): 409 when the account is closed or the amount would pass its limit as things stand. */
  async refuseIfOverLimit(manager: EntityManager, centreId: number, amountPence: number): Promise<void> {
    const [account] = await manager.query('SELECT limit_pence, owed_pence, open FROM credit_accounts WHERE centre_id = ?', [centreId]);
    this.refuse(account, amountPence);
  }

  private refuse(account: { limit_pence: number; owed_pence: number; open: number } | undefined, amountPence: number): void {
    if (!account || Number(account.open) !== 1)
      throw new ApiError('NO_CREDIT_ACCOUNT', 'Your centre has no open credit account: pay by card, or ask us to open one.');
    if (Number(account.owed_pence) + amountPence > Number(account.limit_pence)) {
      throw new ApiError(
        'CREDIT_LIMIT_EXCEEDED',
        `This order (${poundsLabel(amountPence)}) would take your centre past its credit limit of ${poundsLabel(Number(account.limit_pence))} (${poundsLabel(Number(account.owed_pence))} is owed now). Pay by card, or remove items.`,
      );
    }
  }

  /** Charges an order to the centre's account, within the order's transaction; 409 when it is closed or the order would pass the limit. */
  async charge(manager: EntityManager, centreId: number, orderId: number, orderNumber: string, amountPence: number, userId: number, now: Date): Promise<void> {
    const [account] = await manager.query('SELECT limit_pence, owed_pence, open FROM credit_accounts WHERE centre_id = ? FOR UPDATE', [centreId]);
    this.refuse(account, amountPence);
    const owedAfter = Number(account.owed_pence) + amountPence;
    await manager.query('UPDATE credit_accounts SET owed_pence = ? WHERE centre_id = ?', [owedAfter, centreId]);
    await manager.query(
      `INSERT INTO credit_ledger (centre_id, kind, amount_pence, owed_after_pence, order_id, note, by_user_id, at) VALUES (?, 'order', ?, ?, ?, ?, ?, ?)`,
      [centreId, amountPence, owedAfter, orderId, `Order ${orderNumber}`, userId, now],
    );
  }

  /** Gives back what a cancelled credit order was charged. */
  async refundOrder(
    manager: EntityManager,
    centreId: number,
    orderId: number,
    orderNumber: string,
    amountPence: number,
    userId: number | null,
    now: Date,
    note?: string,
  ): Promise<void> {
    const [account] = await manager.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ? FOR UPDATE', [centreId]);
    if (!account) return;
    const owedAfter = Number(account.owed_pence) - amountPence;
    await manager.query('UPDATE credit_accounts SET owed_pence = ? WHERE centre_id = ?', [owedAfter, centreId]);
    await manager.query(
      `INSERT INTO credit_ledger (centre_id, kind, amount_pence, owed_after_pence, order_id, note, by_user_id, at) VALUES (?, 'cancellation', ?, ?, ?, ?, ?, ?)`,
      [centreId, -amountPence, owedAfter, orderId, (note ? `Order ${orderNumber}: ${note}` : `Order ${orderNumber} cancelled`).slice(0, 200), userId, now],
    );
  }

  async list(): Promise<CreditAccount[]> {
    const rows: AccountRow[] = await this.dataSource.query('SELECT centre_id, limit_pence, owed_pence, open FROM credit_accounts');
    const centres = await centreSummaries(
      this.dataSource,
      rows.map((r) => Number(r.centre_id)),
    );
    return rows
      .filter((r) => centres.has(Number(r.centre_id)))
      .map((r) => accountOf(r, centres.get(Number(r.centre_id))!))
      .sort((a, b) => (a.centre.number < b.centre.number ? -1 : a.centre.number > b.centre.number ? 1 : 0));
  }

  async save(actor: Actor, centreId: number, limitPence: number, open: boolean): Promise<CreditAccount> {
    if (!(await centreSummary(this.dataSource, centreId))) throw new ApiError('CENTRE_NOT_FOUND', 'There is no such centre.');
    await this.dataSource.query(
      'INSERT INTO credit_accounts (centre_id, limit_pence, owed_pence, open) VALUES (?, ?, 0, ?) ON DUPLICATE KEY UPDATE limit_pence = VALUES(limit_pence), open = VALUES(open)',
      [centreId, limitPence, open ? 1 : 0],
    );
    await this.audit.record(actor, { action: 'credit_account.saved', subjectType: 'centre', subjectId: centreId, centreId, after: { limitPence, open } });
    return this.one(centreId);
  }

  /** A payment received from the centre: what it owes goes down. */
  async recordPayment(actor: Actor, centreId: number, amountPence: number, reference: string): Promise<CreditAccount> {
    if (!Number.isInteger(amountPence) || amountPence < 1) throw new ApiError('VALIDATION_FAILED', 'amountPence must be a whole number of pence above 0');
    await this.dataSource.transaction(async (manager) => {
      const [account] = await manager.query('SELECT owed_pence FROM credit_accounts WHERE centre_id = ? FOR UPDATE', [centreId]);
      if (!account) throw new ApiError('CREDIT_ACCOUNT_NOT_FOUND', 'This centre has no credit account.');
      const owedAfter = Number(account.owed_pence) - amountPence;
      await manager.query('UPDATE credit_accounts SET owed_pence = ? WHERE centre_id = ?', [owedAfter, centreId]);
      await manager.query(
        `INSERT INTO credit_ledger (centre_id, kind, amount_pence, owed_after_pence, note, by_user_id, at) VALUES (?, 'payment', ?, ?, ?, ?, ?)`,
        [centreId, -amountPence, owedAfter, `Payment received: ${reference}`, actor.userId, this.clock.now()],
      );
      await this.audit.record(
        actor,
        { action: 'credit_account.payment', subjectType: 'centre', subjectId: centreId, centreId, details: { amountPence, reference } },
        manager,
      );
    });
    return this.one(centreId);
  }

  async ledger(centreId: number): Promise<CreditLedgerEntry[]> {
    await this.one(centreId);
    const rows = await this.dataSource.query(
      'SELECT l.*, o.number AS order_number FROM credit_ledger l LEFT JOIN orders o ON o.id = l.order_id WHERE l.centre_id = ? ORDER BY l.at DESC, l.id DESC LIMIT 500',
      [centreId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      at: new Date(r.at as Date).toISOString(),
      kind: r.kind as CreditLedgerEntry['kind'],
      amountPence: Number(r.amount_pence),
      owedAfterPence: Number(r.owed_after_pence),
      orderNumber: (r.order_number as string | null) ?? null,
      note: (r.note as string | null) ?? null,
    }));
  }

  private async one(centreId: number): Promise<CreditAccount> {
    const [row]: AccountRow[] = await this.dataSource.query('SELECT centre_id, limit_pence, owed_pence, open FROM credit_accounts WHERE centre_id = ?', [
      centreId,
    ]);
    const centre = row ? await centreSummary(this.dataSource, centreId) : null;
    if (!row || !centre) throw new ApiError('CREDIT_ACCOUNT_NOT_FOUND', 'This centre has no credit account.');
    return accountOf(row, centre);
  }
}

function accountOf(r: AccountRow, centre: CentreSummary): CreditAccount {
  return {
    centre: { id: centre.id, number: centre.number, name: centre.name },
    limitPence: Number(r.limit_pence),
    owedPence: Number(r.owed_pence),
    open: Number(r.open) === 1,
  };
}
