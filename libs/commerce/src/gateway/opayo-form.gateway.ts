import { GatewayForm, PostalAddress } from '@achievement/contracts';
import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { poundsText } from '../money';
import { decryptCrypt, encryptCrypt } from './opayo-crypt';
import { PaymentGateway, PaymentOutcome, PaymentRequest, PaymentStatus } from './payment-gateway';

export const OPAYO_PROTOCOL = '4.00';
/** Where the built-in sandbox takes registrations (under the api's /api prefix). */
export const SANDBOX_REGISTER_PATH = '/api/sandbox/opayo/vspform-register.vsp';

const STATUSES: Record<string, PaymentStatus> = { OK: 'ok', NOTAUTHED: 'notauthed', REJECTED: 'rejected', ABORT: 'abort', ERROR: 'error' };

/**
 * Opayo (formerly Sage Pay) Form integration, protocol 4.00: the browser posts VPSProtocol,
 * TxType=PAYMENT, Vendor and the encrypted Crypt to the gateway's registration URL; the gateway
 * shows its card page, then sends the browser to our return URL with `?crypt=` holding the outcome,
 * encrypted with the same password. A Crypt that does not decrypt with our password, or lacks the
 * outcome's fields, is not an answer of the gateway.
 */
@Injectable()
export class OpayoFormGateway extends PaymentGateway {
  private readonly actionUrl: string;

  constructor(private readonly config: AppConfig) {
    super();
    this.actionUrl = config.OPAYO_FORM_URL || `${config.PUBLIC_URL.replace(/\/+$/, '')}${SANDBOX_REGISTER_PATH}`;
  }

  startPayment(request: PaymentRequest): GatewayForm {
    const fields: Record<string, string> = {
      VendorTxCode: request.reference,
      Amount: poundsText(request.amountPence),
      Currency: 'GBP',
      Description: request.description.slice(0, 100),
      SuccessURL: request.returnUrl,
      FailureURL: request.returnUrl,
      CustomerEMail: request.customerEmail,
      ...addressFields('Billing', request.billing),
      ...addressFields('Delivery', request.delivery),
      SendEMail: '0',
    };
    return {
      action: this.actionUrl,
      fields: { VPSProtocol: OPAYO_PROTOCOL, TxType: 'PAYMENT', Vendor: this.config.OPAYO_VENDOR, Crypt: encryptCrypt(fields, this.config.OPAYO_ENCRYPTION_PASSWORD) },
    };
  }

  readOutcome(query: Record<string, unknown>): PaymentOutcome | null {
    const crypt = typeof query.crypt === 'string' ? query.crypt : typeof query.Crypt === 'string' ? query.Crypt : null;
    if (!crypt) return null;
    const fields = decryptCrypt(crypt, this.config.OPAYO_ENCRYPTION_PASSWORD);
    if (!fields) return null;
    const status = STATUSES[fields.Status ?? ''];
    const amount = /^\d{1,7}(?:,\d{3})*\.\d{2}$/.test(fields.Amount ?? '') ? Math.round(Number(fields.Amount.replace(/,/g, '')) * 100) : NaN;
    if (!status || !fields.VendorTxCode || !Number.isInteger(amount)) return null;
    return {
      reference: fields.VendorTxCode,
      status,
      detail: (fields.StatusDetail ?? '').slice(0, 255),
      amountPence: amount,
      gatewayTxId: fields.VPSTxId ?? null,
      authCode: fields.TxAuthNo ?? null,
    };
  }
}

/** Opayo wants first names and surname apart: the last word of the name is the surname. */
function addressFields(prefix: 'Billing' | 'Delivery', address: PostalAddress): Record<string, string> {
  const words = address.name.trim().split(/\s+/);
  const surname = words.length > 1 ? words.pop()! : words[0];
  return {
    [`${prefix}Surname`]: surname.slice(0, 20),
    [`${prefix}Firstnames`]: (words.length ? words.join(' ') : surname).slice(0, 20),
    [`${prefix}Address1`]: address.line1.slice(0, 50),
    ...(address.line2 ? { [`${prefix}Address2`]: address.line2.slice(0, 50) } : {}),
    [`${prefix}City`]: address.town.slice(0, 40),
    [`${prefix}PostCode`]: address.postcode.slice(0, 10),
    [`${prefix}Country`]: address.country.toUpperCase(),
  };
}
