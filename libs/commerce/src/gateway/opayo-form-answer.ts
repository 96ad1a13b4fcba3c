import { PaymentAnswer, PaymentStatus } from './payment-gateway';

export const OPAYO_PROTOCOL = '4.00';

/** The Status values of a Form answer, and what the portal records for each. */
export const FORM_STATUSES: Record<string, PaymentStatus> = {
  OK: 'ok',
  NOTAUTHED: 'notauthed',
  REJECTED: 'rejected',
  ABORT: 'abort',
  ERROR: 'error',
  MALFORMED: 'error',
  INVALID: 'error',
};

/** Every field a Form protocol 4.00 answer may hold. Any other name is an altered or foreign answer. */
const KNOWN_FIELDS = new Set([
  'VPSProtocol',
  'TxType',
  'VendorTxCode',
  'VPSTxId',
  'Status',
  'StatusDetail',
  'TxAuthNo',
  'AVSCV2',
  'AddressResult',
  'PostCodeResult',
  'CV2Result',
  'GiftAid',
  '3DSecureStatus',
  'CAVV',
  'AddressStatus',
  'PayerStatus',
  'CardType',
  'Last4Digits',
  'FraudResponse',
  'Surcharge',
  'BankAuthCode',
  'DeclineCode',
  'ExpiryDate',
  'Amount',
  'SchemeTraceID',
  'ACSTransID',
  'DSTransID',
]);

const VENDOR_TX_CODE = /^[A-Za-z0-9{}._-]{1,40}$/;
const VPS_TX_ID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;
const TX_AUTH_NO = /^\d{1,10}$/;
/** Pounds with two decimals, optionally with thousands commas: 36.95, 1,234.00 */
const AMOUNT = /^(?:\d{1,7}|\d{1,3}(?:,\d{3}){1,2})\.\d{2}$/;
/** Free text as Opayo sends it: printable ASCII. Garbled bytes of an altered Crypt are not. */
const TEXT = /^[\x20-\x7E]{0,255}$/;

/** Why an answer was refused; the message says which field, never its value. */
export class InvalidFormAnswer extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidFormAnswer';
  }
}

/**
 * The decrypted Name=Value text of a Form answer, split strictly: each pair has a name of letters
 * and digits, no name twice, every name one the protocol has.
 */
export function splitAnswerText(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? pair.slice(0, eq) : '';
    if (!/^[A-Za-z0-9]{1,30}$/.test(name)) throw new InvalidFormAnswer('the answer', 'is not a list of Name=Value fields');
    if (!KNOWN_FIELDS.has(name)) throw new InvalidFormAnswer('the answer', 'has a field the Form protocol does not');
    if (Object.prototype.hasOwnProperty.call(fields, name)) throw new InvalidFormAnswer(name, 'appears twice');
    fields[name] = pair.slice(eq + 1);
  }
  return fields;
}

/** Checks every field of a Form answer; throws InvalidFormAnswer naming the first one that is not right. */
export function readFormAnswer(fields: Record<string, string>): PaymentAnswer {
  if (fields.VPSProtocol !== undefined && fields.VPSProtocol !== OPAYO_PROTOCOL) throw new InvalidFormAnswer('VPSProtocol', `is not ${OPAYO_PROTOCOL}`);
  if (fields.TxType !== undefined && fields.TxType !== 'PAYMENT') throw new InvalidFormAnswer('TxType', 'is not PAYMENT');
  if (!VENDOR_TX_CODE.test(fields.VendorTxCode ?? '')) throw new InvalidFormAnswer('VendorTxCode', 'is missing or not a VendorTxCode');
  if (!VPS_TX_ID.test(fields.VPSTxId ?? '')) throw new InvalidFormAnswer('VPSTxId', 'is missing or not a {GUID}');
  const status = Object.prototype.hasOwnProperty.call(FORM_STATUSES, fields.Status ?? '') ? FORM_STATUSES[fields.Status] : undefined;
  if (!status) throw new InvalidFormAnswer('Status', 'is missing or not one the protocol has');
  if (!AMOUNT.test(fields.Amount ?? '')) throw new InvalidFormAnswer('Amount', 'is missing or not an amount in pounds and pence');
  if (status === 'ok' && !TX_AUTH_NO.test(fields.TxAuthNo ?? ''))
    throw new InvalidFormAnswer('TxAuthNo', 'is missing from an authorised answer or not a number');
  if (status !== 'ok' && fields.TxAuthNo !== undefined && !TX_AUTH_NO.test(fields.TxAuthNo)) throw new InvalidFormAnswer('TxAuthNo', 'is not a number');
  for (const [name, value] of Object.entries(fields)) {
    if (!TEXT.test(value)) throw new InvalidFormAnswer(name, 'is not text the gateway sends');
  }
  return {
    reference: fields.VendorTxCode,
    status,
    detail: fields.StatusDetail ?? '',
    amountPence: penceOf(fields.Amount),
    gatewayTxId: fields.VPSTxId.toUpperCase(),
    authCode: status === 'ok' ? fields.TxAuthNo : null,
  };
}

/** "1,234.56" → 123456, exactly (no floating point). */
export function penceOf(pounds: string): number {
  const [whole, pence] = pounds.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(pence);
}
