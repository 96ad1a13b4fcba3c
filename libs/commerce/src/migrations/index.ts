import { Commerce1764370000000 } from './1764370000000-commerce';
import { PaymentRechecks1796240035000 } from './1796240035000-payment-rechecks';
import { CentreCreditInAccounts1796247181000 } from './1796247181000-centre-credit-in-accounts';
import { CommerceOrdersSafety1796262364672 } from './1796262364672-commerce-orders-safety';

/** The commerce lib's migrations (its own tables), listed so bundlers and tests need no file globbing. */
export const COMMERCE_MIGRATIONS = [
  Commerce1764370000000,
  PaymentRechecks1796240035000,
  CentreCreditInAccounts1796247181000,
  CommerceOrdersSafety1796262364672,
];
