import { createHash, timingSafeEqual } from 'node:crypto';
import { PaymentStatus } from './payment-gateway';

/**
 * Opayo's Reporting & Admin API ("vspaccess"): an XML command POSTed as the form field XML to the
 * access endpoint, e.g.
 *
 *   <vspaccess><command>getTransactionDetail</command><vendor>v</vendor><user>u</user>
 *     <vendortxcode>AP-…</vendortxcode><signature>MD5</signature></vspaccess>
 *
 * The signature is the MD5 (hex) of the command's elements, without <vspaccess> and <signature>,
 * followed by <password>the reporting user's password</password>. The answer is a <vspaccess>
 * document with <errorcode> (0000: done) and the transaction's fields in lower case.
 * Both the portal's client and the sandbox gateway speak it through these functions.
 */
export const GET_TRANSACTION_DETAIL = 'getTransactionDetail';

/** The answer's errorcode when the command was carried out. */
export const REPORTING_OK = '0000';

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function xmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
}

/** The elements the signature covers, in order: command, vendor, user, then the command's own. */
export function commandElements(command: string, vendor: string, user: string, params: [string, string][]): string {
  return [['command', command], ['vendor', vendor], ['user', user], ...params].map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`).join('');
}

export function reportingSignature(elements: string, password: string): string {
  return createHash('md5')
    .update(`${elements}<password>${xmlEscape(password)}</password>`, 'utf8')
    .digest('hex');
}

/** The whole signed command, as the value of the XML form field. */
export function signedCommand(command: string, vendor: string, user: string, password: string, params: [string, string][]): string {
  const elements = commandElements(command, vendor, user, params);
  return `<vspaccess>${elements}<signature>${reportingSignature(elements, password)}</signature></vspaccess>`;
}

/** Whether a signature (hex, any case) is the one these elements and password give; in constant time. */
export function signatureMatches(elements: string, password: string, signature: string): boolean {
  const expected = Buffer.from(reportingSignature(elements, password), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The simple elements of a <vspaccess> document, by lower-case name (the first of each name),
 * or null when it is not one. Nested elements (a basket, a list) are skipped: the portal reads
 * only the transaction's own fields.
 */
export function readVspaccess(xml: string): { fields: Record<string, string>; elements: [string, string][] } | null {
  const body = /^\s*(?:<\?xml[^>]*\?>\s*)?<vspaccess>([\s\S]*)<\/vspaccess>\s*$/.exec(xml);
  if (!body || xml.length > 200_000) return null;
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const elements: [string, string][] = [];
  for (const m of body[1].matchAll(/<([A-Za-z0-9]{1,40})>([^<]*)<\/\1>/g)) {
    const name = m[1].toLowerCase();
    const value = xmlUnescape(m[2]);
    elements.push([m[1], value]);
    if (!(name in fields)) fields[name] = value;
  }
  return { fields, elements };
}

/**
 * A transaction's state (txstateid) as the portal acts on it. Only 16, "successfully authorised",
 * can make an order paid; the states of a transaction still at the card page or with the bank are
 * in progress; one the portal does not know is never taken as paid.
 */
export const TX_STATES: Record<string, PaymentStatus | 'in_progress'> = {
  '1': 'error', // failed registration (INVALID or MALFORMED)
  '2': 'in_progress', // at the card selection page
  '3': 'in_progress', // at the card details page
  '4': 'in_progress', // at the confirmation page
  '5': 'in_progress', // at 3-D Secure authentication
  '6': 'in_progress', // sent for authorisation
  '10': 'rejected', // rejected by the fraud rules
  '11': 'abort', // cancelled by the customer
  '12': 'notauthed', // declined by the bank
  '13': 'error', // an error at the gateway
  '16': 'ok', // successfully authorised
};

/** The txstateid the sandbox records for each outcome it plays (the reverse of TX_STATES). */
export const TX_STATE_OF: Record<PaymentStatus | 'in_progress', string> = {
  in_progress: '3',
  ok: '16',
  notauthed: '12',
  rejected: '10',
  abort: '11',
  error: '13',
};
