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

/**
 * What came back through the browser, once every field was checked strictly. Only a hint: the
 * Form protocol's Crypt has no integrity (AES-CBC, no MAC), so an altered answer can look well
 * formed. It names the attempt to confirm; it never makes an order paid on its own word.
 */
export interface PaymentAnswer {
  reference: string;
  status: PaymentStatus;
  detail: string;
  amountPence: number;
  gatewayTxId: string;
  authCode: string | null;
}

/**
 * The gateway's own record of a transaction, read over an authenticated server-to-server call
 * (Opayo's Reporting API): the only word that can make an order paid. `in_progress` while the
 * customer is still at the card page, `unknown` for a state the portal does not act on.
 */
export interface ConfirmedTransaction {
  reference: string;
  state: PaymentStatus | 'in_progress' | 'unknown';
  amountPence: number;
  currency: string;
  gatewayTxId: string | null;
  authCode: string | null;
  detail: string;
}

/** The gateway's record could not be read now (down, 5xx, timeout, an answer we cannot read): try again later. */
export class GatewayUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}

/**
 * A card gateway with a hosted payment page: the portal never sees card numbers. `startPayment`
 * gives the form the browser posts to the gateway; `readAnswer` checks what the gateway sent back
 * through the browser (throws a 400 when it is not a well-formed answer); `confirmTransaction`
 * asks the gateway itself how a transaction ended (throws GatewayUnavailableError when it cannot).
 */
export abstract class PaymentGateway {
  abstract startPayment(request: PaymentRequest): GatewayForm;
  abstract readAnswer(query: Record<string, unknown>): PaymentAnswer;
  abstract confirmTransaction(reference: string): Promise<ConfirmedTransaction>;
}
