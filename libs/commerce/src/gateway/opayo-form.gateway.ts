import { GatewayForm, PostalAddress } from '@achievement/contracts';
import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { poundsText } from '../money';
import { decryptCryptText, encryptCrypt } from './opayo-crypt';
import { InvalidFormAnswer, OPAYO_PROTOCOL, penceOf, readFormAnswer, splitAnswerText } from './opayo-form-answer';
import { REPORTING_OK, TX_STATES } from './opayo-reporting-protocol';
import { OpayoReportingClient } from './opayo-reporting.client';
import { ConfirmedTransaction, GatewayUnavailableError, PaymentAnswer, PaymentGateway, PaymentRequest } from './payment-gateway';
import { ApiError } from '@achievement/platform';

export { OPAYO_PROTOCOL } from './opayo-form-answer';
/** Where the built-in sandbox takes registrations (under the api's /api prefix). */
export const SANDBOX_REGISTER_PATH = '/api/sandbox/opayo/vspform-register.vsp';

export const INVALID_ANSWER = 'This is not a valid answer of the card gateway; nothing was changed. Open your order to see how its payment stands.';

/**
 * Opayo (formerly Sage Pay) Form integration, protocol 4.00: the browser posts VPSProtocol,
 * TxType=PAYMENT, Vendor and the encrypted Crypt to the gateway's registration URL; the gateway
 * shows its card page, then sends the browser to our return URL with `?crypt=` holding the outcome,
 * encrypted with the same password. That Crypt is AES-CBC without a MAC: altered bytes can still
 * decrypt to a well-formed answer, so it is checked field by field and then only names the
 * transaction to confirm with Opayo's Reporting API (getTransactionDetail), whose answer decides.
 */
@Injectable()
export class OpayoFormGateway extends PaymentGateway {
  private readonly actionUrl: string;

  constructor(
    private readonly config: AppConfig,
    private readonly reporting: OpayoReportingClient,
  ) {
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
      fields: {
        VPSProtocol: OPAYO_PROTOCOL,
        TxType: 'PAYMENT',
        Vendor: this.config.OPAYO_VENDOR,
        Crypt: encryptCrypt(fields, this.config.OPAYO_ENCRYPTION_PASSWORD),
      },
    };
  }

  readAnswer(query: Record<string, unknown>): PaymentAnswer {
    const crypt = query.crypt ?? query.Crypt;
    if (typeof crypt !== 'string') throw new ApiError('PAYMENT_ANSWER_INVALID', INVALID_ANSWER);
    const text = decryptCryptText(crypt, this.config.OPAYO_ENCRYPTION_PASSWORD);
    if (text === null) throw new ApiError('PAYMENT_ANSWER_INVALID', INVALID_ANSWER);
    try {
      return readFormAnswer(splitAnswerText(text));
    } catch (err) {
      if (err instanceof InvalidFormAnswer) throw new ApiError('PAYMENT_ANSWER_INVALID', INVALID_ANSWER);
      throw err;
    }
  }

  async confirmTransaction(reference: string): Promise<ConfirmedTransaction> {
    const record = await this.reporting.transactionDetail(reference);
    if (record.errorcode !== REPORTING_OK)
      throw new GatewayUnavailableError(`the Reporting API refused the look-up: ${record.errorcode} ${(record.error ?? '').slice(0, 200)}`);
    const amount = /^\d{1,7}\.\d{2}$/.test(record.amount ?? '') ? penceOf(record.amount) : NaN;
    if (!Number.isInteger(amount) || !record.vendortxcode)
      throw new GatewayUnavailableError("the Reporting API answered without the transaction's code or amount");
    const state: ConfirmedTransaction['state'] = Object.prototype.hasOwnProperty.call(TX_STATES, record.txstateid ?? '')
      ? TX_STATES[record.txstateid]
      : 'unknown';
    return {
      reference: record.vendortxcode,
      state: state !== 'unknown' && !/^payment$/i.test(record.transactiontype ?? '') ? 'unknown' : state,
      amountPence: amount,
      currency: (record.currency ?? '').toUpperCase(),
      gatewayTxId: record.vpstxid || null,
      authCode: record.vpsauthcode || null,
      detail: (record.status ?? '').slice(0, 255),
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
