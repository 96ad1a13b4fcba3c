import { Money, VAT_RATE_BASIS_POINTS } from '@achievement/contracts';

/** VAT on a net amount, rounded half up to the penny. */
export function vatOn(netPence: number): number {
  return Math.round((netPence * VAT_RATE_BASIS_POINTS) / 10_000);
}

export function moneyOf(netPence: number): Money {
  const vatPence = vatOn(netPence);
  return { netPence, vatPence, grossPence: netPence + vatPence };
}

/** The sum of amounts whose VAT was worked out line by line. */
export function sumOf(amounts: Money[]): Money {
  return amounts.reduce((a, m) => ({ netPence: a.netPence + m.netPence, vatPence: a.vatPence + m.vatPence, grossPence: a.grossPence + m.grossPence }), {
    netPence: 0,
    vatPence: 0,
    grossPence: 0,
  });
}

/** "36.95": pounds with two decimals, as the gateway wants amounts. */
export function poundsText(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** "£36.95" */
export function poundsLabel(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
