import {
  Basket,
  BasketItem,
  CheckoutDefaults,
  DuplicateReason,
  Money,
  OrderDetail,
  OrderSummary,
  Product,
  StoreDocument,
  StoreLearner,
} from '@achievement/contracts';

/* Valid commerce answers in one line, for the specs of the commerce pages (only specs import this file). */

export function money(netPence: number): Money {
  const vatPence = Math.round(netPence / 5);
  return { netPence, vatPence, grossPence: netPence + vatPence };
}

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 1,
    code: 'CERT-COPY',
    name: 'Printed certificate',
    description: 'A printed copy of a certificate on security paper.',
    price: money(2500),
    documentTypes: ['certificate'],
    ...overrides,
  };
}

export const REASONS: DuplicateReason[] = [
  { id: 11, label: 'Lost', active: true },
  { id: 12, label: 'Damaged', active: true },
];

export function aLearner(overrides: Partial<StoreLearner> = {}): StoreLearner {
  return {
    id: 501,
    name: 'Mary Ann Smith',
    enrolmentNumber: '0002124',
    documentCount: 2,
    ...overrides,
  };
}

export function aStoreDocument(overrides: Partial<StoreDocument> = {}): StoreDocument {
  return {
    id: 701,
    documentNumber: 'D0000701',
    type: 'certificate',
    qualification: {
      code: '603/7506/5',
      title: 'Level 3 Diploma in Light Vehicle Maintenance',
    },
    awardDate: '2026-07-01',
    status: 'valid',
    inBasket: false,
    ...overrides,
  };
}

export function aBasketItem(overrides: Partial<BasketItem> = {}): BasketItem {
  return {
    id: 91,
    product: { id: 1, name: 'Printed certificate' },
    document: {
      id: 701,
      documentNumber: 'D0000701',
      type: 'certificate',
      qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
    },
    learner: { id: 501, name: 'Mary Ann Smith', enrolmentNumber: '0002124' },
    reason: { id: 11, label: 'Lost' },
    quantity: 1,
    line: money(2500),
    ...overrides,
  };
}

export function aBasket(items: BasketItem[]): Basket {
  const sum = (key: keyof Money) => items.reduce((total, item) => total + item.line[key], 0);
  return {
    items,
    count: items.length,
    subtotal: {
      netPence: sum('netPence'),
      vatPence: sum('vatPence'),
      grossPence: sum('grossPence'),
    },
  };
}

export function checkoutDefaults(overrides: Partial<CheckoutDefaults> = {}): CheckoutDefaults {
  return {
    profileAddress: null,
    deliveryOptions: [
      { method: 'standard', label: 'Royal Mail 2nd class', price: money(250) },
      { method: 'tracked', label: 'Tracked 24', price: money(650) },
      { method: 'international', label: 'International tracked', price: money(1450) },
    ],
    centreCredit: null,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 31,
    number: 'ORD-000031',
    status: 'paid',
    placedAt: '2026-11-29T09:00:00.000Z',
    placedBy: 'Carol Centre',
    centre: { number: '12345', name: 'Northfield College' },
    itemCount: 2,
    total: money(5250),
    paymentMethod: 'card',
    ...overrides,
  };
}

export function anOrderDetail(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...anOrder(),
    lines: [
      {
        id: 1,
        productName: 'Printed certificate',
        documentNumber: 'D0000701',
        qualificationTitle: 'Level 3 Diploma in Light Vehicle Maintenance',
        learnerName: 'Mary Ann Smith',
        reason: 'Lost',
        quantity: 2,
        unitNetPence: 2500,
        line: money(5000),
        cancelled: false,
        replacesDocumentNumber: null,
        documentProblem: null,
      },
    ],
    delivery: {
      method: 'standard',
      label: 'Royal Mail 2nd class',
      price: money(250),
    },
    billingAddress: {
      name: 'Northfield College',
      line1: '1 College Road',
      line2: null,
      town: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'GB',
    },
    deliveryAddress: {
      name: 'Exams office',
      line1: '1 College Road',
      line2: 'Block B',
      town: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'GB',
    },
    trackingReference: null,
    history: [{ at: '2026-11-29T09:00:00.000Z', status: 'paid', note: null }],
    lastPayment: null,
    paymentDueAt: null,
    ...overrides,
  };
}
