import { PaymentMethod, PostalAddress } from '@achievement/contracts';

const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card',
  centre_credit: 'Centre credit',
};

export function paymentMethodLabel(method: PaymentMethod): string {
  return PAYMENT_METHOD_LABELS[method];
}

/** An address as lines to print (empty ones left out). */
export function addressLines(address: PostalAddress): string[] {
  return [address.name, address.line1, address.line2 ?? '', address.town, address.postcode, address.country].filter((line) => line.trim() !== '');
}
