import { DocumentStatus, DocumentType } from './documents';
import { Page } from './paging';

/*
 * Commerce: printed copies of documents. Products and duplicate reasons (administrators), the
 * basket (one per user, documents of many learners, kept across sign-outs), checkout (card through
 * the Opayo Form protocol, or centre credit), orders and their fulfilment, centre credit accounts
 * and monthly invoices. All amounts are integer pence; VAT is worked out by the server. Paths are
 * under /api. Who: centre staff order for their centre's learners; learners for themselves.
 *
 * Shopping (centre staff, learners):
 *   GET  /api/store/products                          → Product[] (active ones)
 *   GET  /api/store/reasons                           → DuplicateReason[] (active ones)
 *   GET  /api/store/delivery-options                  → DeliveryOption[]
 *   GET  /api/store/learners?q=&productId=            → StoreLearner[] (centre staff: their centre's learners with a document
 *        the product applies to, by name or enrolment number prefix, at most 20)
 *   GET  /api/store/documents?productId=&learnerId=   → StoreDocument[] (learners: their own; centre staff: that learner's at their centre)
 *   GET  /api/basket                                  → Basket
 *   POST /api/basket/items        AddToBasketRequest  → 201 Basket (a document already in the basket with that product: 409)
 *   PATCH /api/basket/items/:id   UpdateBasketItemRequest → Basket
 *   DELETE /api/basket/items/:id                      → Basket
 *   GET  /api/checkout                                → CheckoutDefaults (addresses from the profile, whether centre credit is open)
 *   POST /api/orders              PlaceOrderRequest   → 201 PlacedOrder (card: the form to post to the gateway; credit: invoiced)
 *   GET  /api/orders?cursor=                          → Page<OrderSummary> (the user's; centre staff: their centre's)
 *   GET  /api/orders/:id                              → OrderDetail
 *   POST /api/orders/:id/pay                          → GatewayForm (pay an order still awaiting payment again, e.g. after a decline)
 *   GET  /api/payments/opayo/return?crypt=            the gateway sends the browser back here (SuccessURL and FailureURL;
 *        POST with crypt in the form too); checked strictly (400 otherwise), confirmed with the gateway's own record
 *        (Reporting API), handled once, then 303 to /orders/:id?payment=paid|declined|failed|cancelled|checking
 *   GET  /api/invoices?month=YYYY-MM                  → the centre's credit invoice for the month (PDF; centre staff)
 *
 * Administrators:
 *   GET/POST /api/admin/products, PATCH /api/admin/products/:id            AdminProduct, SaveProductRequest
 *   GET/POST /api/admin/reasons, PATCH /api/admin/reasons/:id              DuplicateReason, SaveReasonRequest
 *   GET  /api/admin/orders?status=&cursor=            → Page<OrderSummary> (the fulfilment queue, oldest first)
 *   GET  /api/admin/orders/:id                        → OrderDetail
 *   POST /api/admin/orders/:id/status  SetOrderStatusRequest → OrderDetail (allowed moves only; the customer is emailed)
 *   POST /api/admin/orders/:id/lines/:lineId/replace  → OrderDetail (a superseded document's line gets the current version)
 *   POST /api/admin/orders/:id/lines/:lineId/cancel  CancelOrderLineRequest → OrderDetail (the line's amount is given back:
 *        on the credit ledger, or recorded as a card refund)
 *   GET  /api/admin/credit-accounts                   → CreditAccount[]
 *   PUT  /api/admin/credit-accounts/:centreId  SaveCreditAccountRequest → CreditAccount
 *   POST /api/admin/credit-accounts/:centreId/payments  RecordCreditPaymentRequest → CreditAccount (a payment received)
 *   GET  /api/admin/credit-accounts/:centreId/ledger  → CreditLedgerEntry[] (newest first)
 *   GET  /api/admin/invoices?centreId=&month=YYYY-MM  → that centre's invoice for the month (PDF)
 *
 * The sandbox card gateway (demo and tests; not in production) speaks the Opayo Form protocol at
 * /api/sandbox/opayo/vspform-register.vsp and the Reporting API at /api/sandbox/opayo/access/access.htm.
 * Its test cards are SANDBOX_TEST_CARDS.
 */

export const VAT_RATE_BASIS_POINTS = 2000; // 20 %

export interface Money {
  netPence: number;
  vatPence: number;
  grossPence: number;
}

export interface Product {
  id: number;
  code: string;
  name: string;
  description: string;
  /** excluding VAT */
  price: Money;
  documentTypes: DocumentType[];
}

export interface AdminProduct extends Product {
  active: boolean;
}

export interface SaveProductRequest {
  /** 1-20 characters, letters, digits and hyphens; unique */
  code: string;
  name: string;
  description: string;
  /** excluding VAT, 0 to 100000 (£1,000) */
  pricePence: number;
  documentTypes: DocumentType[];
  active: boolean;
}

export interface DuplicateReason {
  id: number;
  label: string;
  active: boolean;
}

export interface SaveReasonRequest {
  label: string;
  active: boolean;
}

export const DELIVERY_METHODS = ['standard', 'tracked', 'international'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface DeliveryOption {
  method: DeliveryMethod;
  label: string;
  price: Money;
}

export interface StoreLearner {
  id: number;
  name: string;
  enrolmentNumber: string;
  /** documents the product applies to */
  documentCount: number;
}

export interface StoreDocument {
  id: number;
  documentNumber: string;
  type: DocumentType;
  qualification: { code: string; title: string };
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  awardDate: string;
  status: DocumentStatus;
  /** in the basket already with this product */
  inBasket: boolean;
}

export interface AddToBasketRequest {
  productId: number;
  /** each with its reason */
  items: { documentId: number; reasonId: number }[];
}

export interface UpdateBasketItemRequest {
  reasonId?: number;
  quantity?: number;
}

export interface BasketItem {
  id: number;
  product: { id: number; name: string };
  document: { id: number; documentNumber: string; type: DocumentType; qualificationTitle: string };
  learner: { id: number; name: string; enrolmentNumber: string };
  reason: { id: number; label: string };
  /** copies, 1 to 10 */
  quantity: number;
  /** price × quantity */
  line: Money;
}

export interface Basket {
  items: BasketItem[];
  /** number of items (the icon's count) */
  count: number;
  subtotal: Money;
}

export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string | null;
  town: string;
  postcode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface CheckoutDefaults {
  /** from the profile (null when the profile has no address) */
  profileAddress: PostalAddress | null;
  deliveryOptions: DeliveryOption[];
  /** centre staff of a centre with an open credit account */
  centreCredit: { available: boolean; limitPence: number; owedPence: number } | null;
}

export const PAYMENT_METHODS = ['card', 'centre_credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PlaceOrderRequest {
  billingAddress: PostalAddress;
  deliveryAddress: PostalAddress;
  deliveryMethod: DeliveryMethod;
  paymentMethod: PaymentMethod;
  /** save this address to the profile */
  saveBillingToProfile?: boolean;
  saveDeliveryToProfile?: boolean;
  /** one per checkout page: the same key twice (a double click) places one order */
  idempotencyKey: string;
}

/** A browser form post to the card gateway (Opayo Form): action URL and hidden fields. */
export interface GatewayForm {
  action: string;
  fields: Record<string, string>;
}

export interface PlacedOrder {
  order: OrderDetail;
  /** card: post this form (the gateway's hosted card page) */
  payment: GatewayForm | null;
}

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'invoiced', 'in_production', 'dispatched', 'delivered', 'cancelled', 'refunded', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  invoiced: 'Invoiced',
  in_production: 'In production',
  dispatched: 'Dispatched',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  expired: 'Expired (not paid)',
};

/** The moves administrators may make. */
export const ORDER_STATUS_MOVES: Record<OrderStatus, OrderStatus[]> = {
  awaiting_payment: ['cancelled'],
  paid: ['in_production', 'cancelled', 'refunded'],
  invoiced: ['in_production', 'cancelled'],
  in_production: ['dispatched', 'cancelled', 'refunded'],
  dispatched: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
  expired: [],
};

export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  placedAt: string;
  placedBy: string;
  centre: { number: string; name: string } | null;
  itemCount: number;
  total: Money;
  paymentMethod: PaymentMethod;
  /** fulfilment queue (administrators): a line holds a revoked or superseded document and must be dealt with first */
  needsAttention?: boolean;
}

export interface OrderLine {
  id: number;
  productName: string;
  documentNumber: string;
  qualificationTitle: string;
  learnerName: string;
  reason: string;
  quantity: number;
  unitNetPence: number;
  line: Money;
  /** an administrator cancelled this line (its amount was given back) */
  cancelled: boolean;
  /** an administrator replaced a superseded document with this one: the number it replaced */
  replacesDocumentNumber: string | null;
  /**
   * administrators, an order not yet dispatched: the document was revoked or superseded since the
   * order was placed (with the current version's number when superseded). The order cannot go
   * into production or be dispatched until the line is replaced or cancelled.
   */
  documentProblem: { status: 'revoked' | 'superseded'; currentDocumentNumber: string | null } | null;
}

/** POST /api/admin/orders/:id/lines/:lineId/cancel */
export interface CancelOrderLineRequest {
  reason: string;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLine[];
  delivery: { method: DeliveryMethod; label: string; price: Money };
  billingAddress: PostalAddress;
  deliveryAddress: PostalAddress;
  trackingReference: string | null;
  history: { at: string; status: OrderStatus; note: string | null }[];
  /** card payments: the last attempt's outcome, in plain words (never the gateway's own text) */
  lastPayment: { status: string; detail: string; at: string } | null;
  /** a card order awaiting payment: when it expires unless paid (the basket keeps its items) */
  paymentDueAt: string | null;
}

export interface SetOrderStatusRequest {
  status: OrderStatus;
  /** required for dispatched */
  trackingReference?: string;
  note?: string;
}

export interface CreditAccount {
  centre: { id: number; number: string; name: string };
  limitPence: number;
  /** what the centre owes now */
  owedPence: number;
  open: boolean;
}

export interface SaveCreditAccountRequest {
  limitPence: number;
  open: boolean;
}

export interface RecordCreditPaymentRequest {
  amountPence: number;
  reference: string;
}

export interface CreditLedgerEntry {
  at: string;
  kind: 'order' | 'payment' | 'cancellation' | 'adjustment';
  /** positive: owed more; negative: owed less */
  amountPence: number;
  owedAfterPence: number;
  orderNumber: string | null;
  note: string | null;
}

/** The sandbox gateway's test cards (any future expiry, any 3-digit security code). */
export const SANDBOX_TEST_CARDS = {
  success: '4929000000006',
  decline: '4000000000000002',
  failure: '4000000000000119',
} as const;

export type OrderPage = Page<OrderSummary>;
