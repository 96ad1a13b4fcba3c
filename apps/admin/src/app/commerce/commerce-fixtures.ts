import { AdminProduct, CreditAccount, Money, OrderDetail, OrderSummary } from '@achievement/contracts';

/* Valid commerce answers in one line, for the specs of the admin commerce pages (only specs import this file). */

export function money(netPence: number): Money {
  const vatPence = Math.round(netPence / 5);
  return { netPence, vatPence, grossPence: netPence + vatPence };
}

export function anOrder(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 31,
    number: 'ORD-000031',
    status: 'paid',
    placedAt: '2026-11-29T09:00:00.000Z',
    placedBy: 'Carol Centre',
    centre: { number: 'C10001', name: 'Northfield College' },
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
    delivery: { method: 'tracked', label: 'Tracked 24', price: money(250) },
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

export function aProduct(overrides: Partial<AdminProduct> = {}): AdminProduct {
  return {
    id: 1,
    code: 'CERT-COPY',
    name: 'Printed certificate',
    description: 'A printed copy on security paper.',
    price: money(2500),
    documentTypes: ['certificate'],
    active: true,
    ...overrides,
  };
}

export function aCreditAccount(overrides: Partial<CreditAccount> = {}): CreditAccount {
  return {
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    limitPence: 250_000,
    owedPence: 12_000,
    open: true,
    ...overrides,
  };
}
