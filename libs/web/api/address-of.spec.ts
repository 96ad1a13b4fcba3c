import { addressOf } from './address-of';
import { downloadsFile, verifyVerify } from './generated';

describe('addressOf', () => {
  it('fills the path of a generated operation', () => {
    expect(addressOf(downloadsFile, { id: 7 })).toBe('/api/downloads/7/file');
  });

  it('encodes path parameters and adds the query, as a call would', () => {
    expect(addressOf(verifyVerify, { code: 'A B/1', via: 'qr' })).toBe('/api/verify/A%20B%2F1?via=qr');
  });
});
