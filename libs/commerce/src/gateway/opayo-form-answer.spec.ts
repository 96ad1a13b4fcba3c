import { InvalidFormAnswer, readFormAnswer, splitAnswerText } from './opayo-form-answer';

const OK = {
  VPSProtocol: '4.00',
  TxType: 'PAYMENT',
  VendorTxCode: 'AP-P100001-0a1b2c3d4e5f',
  VPSTxId: '{6A8C2C41-23A5-4F3B-9A0C-2D4E8F1B7C99}',
  Status: 'OK',
  StatusDetail: '0000 : The Authorisation was Successful.',
  Amount: '1,234.56',
  TxAuthNo: '0012345678',
  AVSCV2: 'ALL MATCH',
};

const text = (fields: Record<string, string | undefined>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

describe('a Form answer, read strictly', () => {
  it('gives the fields of a genuine answer, the amount in pence exactly', () => {
    expect(readFormAnswer(splitAnswerText(text(OK)))).toEqual({
      reference: OK.VendorTxCode,
      status: 'ok',
      detail: OK.StatusDetail,
      amountPence: 123456,
      gatewayTxId: OK.VPSTxId,
      authCode: '0012345678',
    });
    expect(readFormAnswer(splitAnswerText(text({ ...OK, Status: 'NOTAUTHED', TxAuthNo: undefined, Amount: '36.95' })))).toMatchObject({
      status: 'notauthed',
      amountPence: 3695,
      authCode: null,
    });
  });

  it.each([
    ['VPSProtocol', { VPSProtocol: '3.00' }],
    ['TxType', { TxType: 'DEFERRED' }],
    ['VendorTxCode', { VendorTxCode: undefined }],
    ['VendorTxCode', { VendorTxCode: 'AP<script>' }],
    ['VPSTxId', { VPSTxId: undefined }],
    ['VPSTxId', { VPSTxId: '6A8C2C41-23A5-4F3B-9A0C-2D4E8F1B7C99' }],
    ['VPSTxId', { VPSTxId: '{6A8C2C41-23A5-4F3B-9A0C-2D4E8F1B7C9\u00ff}' }],
    ['Status', { Status: 'OKAY' }],
    ['Status', { Status: undefined }],
    ['Amount', { Amount: '12.3' }],
    ['Amount', { Amount: '1e3.00' }],
    ['Amount', { Amount: undefined }],
    ['TxAuthNo', { TxAuthNo: undefined }],
    ['TxAuthNo', { TxAuthNo: 'abc' }],
    ['StatusDetail', { StatusDetail: 'garbled \ufffd\u0001' }],
  ])('refuses an answer whose %s is missing or wrong', (field, change) => {
    expect(() => readFormAnswer(splitAnswerText(text({ ...OK, ...change })))).toThrow(new RegExp(`^${field} `));
  });

  it('refuses a text that is not a list of known, single fields', () => {
    expect(() => splitAnswerText(`${text(OK)}&Status=NOTAUTHED`)).toThrow(/Status appears twice/);
    expect(() => splitAnswerText(`${text(OK)}&Paid=yes`)).toThrow(InvalidFormAnswer);
    expect(() => splitAnswerText(`${text(OK)}&AUTHED`)).toThrow(/not a list of Name=Value fields/);
    expect(() => splitAnswerText('')).toThrow(InvalidFormAnswer);
  });
});
