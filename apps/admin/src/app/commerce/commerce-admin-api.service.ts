import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AdminProduct,
  CreditAccount,
  CreditLedgerEntry,
  DuplicateReason,
  OrderDetail,
  OrderPage,
  OrderStatus,
  RecordCreditPaymentRequest,
  SaveCreditAccountRequest,
  SaveProductRequest,
  SaveReasonRequest,
  SetOrderStatusRequest,
} from '@achievement/contracts';
import { Observable } from 'rxjs';

/** The administrators' typed client of the commerce API: fulfilment, products, reasons, credit accounts. */
@Injectable({ providedIn: 'root' })
export class CommerceAdminApiService {
  private readonly http = inject(HttpClient);

  /** The fulfilment queue, oldest first; every status when status is null. */
  listOrders(query: { status?: OrderStatus | null; cursor?: string | null } = {}): Observable<OrderPage> {
    return this.http.get<OrderPage>('/api/admin/orders', {
      params: params(query),
    });
  }

  getOrder(orderId: number): Observable<OrderDetail> {
    return this.http.get<OrderDetail>(`/api/admin/orders/${id(orderId)}`);
  }

  /** Allowed moves only (ORDER_STATUS_MOVES); the customer is emailed. */
  setOrderStatus(orderId: number, request: SetOrderStatusRequest): Observable<OrderDetail> {
    return this.http.post<OrderDetail>(`/api/admin/orders/${id(orderId)}/status`, request);
  }

  /** A line whose document was superseded gets the current version. */
  replaceOrderLine(orderId: number, lineId: number): Observable<OrderDetail> {
    return this.http.post<OrderDetail>(`/api/admin/orders/${id(orderId)}/lines/${id(lineId)}/replace`, {});
  }

  /** Cancels a line; its amount is given back (credit ledger) or recorded as a card refund. */
  cancelOrderLine(orderId: number, lineId: number, reason: string): Observable<OrderDetail> {
    return this.http.post<OrderDetail>(`/api/admin/orders/${id(orderId)}/lines/${id(lineId)}/cancel`, { reason });
  }

  listProducts(): Observable<AdminProduct[]> {
    return this.http.get<AdminProduct[]>('/api/admin/products');
  }

  createProduct(request: SaveProductRequest): Observable<AdminProduct> {
    return this.http.post<AdminProduct>('/api/admin/products', request);
  }

  updateProduct(productId: number, request: SaveProductRequest): Observable<AdminProduct> {
    return this.http.patch<AdminProduct>(`/api/admin/products/${id(productId)}`, request);
  }

  listReasons(): Observable<DuplicateReason[]> {
    return this.http.get<DuplicateReason[]>('/api/admin/reasons');
  }

  createReason(request: SaveReasonRequest): Observable<DuplicateReason> {
    return this.http.post<DuplicateReason>('/api/admin/reasons', request);
  }

  updateReason(reasonId: number, request: SaveReasonRequest): Observable<DuplicateReason> {
    return this.http.patch<DuplicateReason>(`/api/admin/reasons/${id(reasonId)}`, request);
  }

  listCreditAccounts(): Observable<CreditAccount[]> {
    return this.http.get<CreditAccount[]>('/api/admin/credit-accounts');
  }

  saveCreditAccount(centreId: number, request: SaveCreditAccountRequest): Observable<CreditAccount> {
    return this.http.put<CreditAccount>(`/api/admin/credit-accounts/${id(centreId)}`, request);
  }

  recordCreditPayment(centreId: number, request: RecordCreditPaymentRequest): Observable<CreditAccount> {
    return this.http.post<CreditAccount>(`/api/admin/credit-accounts/${id(centreId)}/payments`, request);
  }

  /** Newest first. */
  getCreditLedger(centreId: number): Observable<CreditLedgerEntry[]> {
    return this.http.get<CreditLedgerEntry[]>(`/api/admin/credit-accounts/${id(centreId)}/ledger`);
  }

  /** The centre's invoice of a month (a PDF the browser opens in a new tab). */
  invoiceUrl(centreId: number, month: string): string {
    return `/api/admin/invoices?${params({ centreId, month }).toString()}`;
  }
}

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

const id = (value: number) => encodeURIComponent(value);
