import { GatewayForm, PostalAddress } from '@achievement/contracts';

/** One card payment to start at the gateway. */
export interface PaymentRequest {
  /** our reference of this attempt, unique for ever (Opayo's VendorTxCode) */
  reference: string;
  amountPence: number;
  description: string;
  customerEmail: string;
  billing: PostalAddress;
  delivery: PostalAddress;
  /** where the gateway sends the browser back with the outcome */
  returnUrl: string;
}

export type PaymentStatus = 'ok' | 'notauthed' | 'rejected' | 'abort' | 'error';

/** The gateway's word on an attempt, once verified (it came from the gateway and was not altered). */
export interface PaymentOutcome {
  reference: string;
  status: PaymentStatus;
  detail: string;
  amountPence: number;
  gatewayTxId: string | null;
  authCode: string | null;
}

/**
 * A card gateway with a hosted payment page: the portal never sees card numbers. `startPayment`
 * gives the form the browser posts to the gateway; `readOutcome` verifies what the gateway sends
 * back (null when it is not a genuine, intact answer).
 */
export abstract class PaymentGateway {
  abstract startPayment(request: PaymentRequest): GatewayForm;
  abstract readOutcome(query: Record<string, unknown>): PaymentOutcome | null;
}
