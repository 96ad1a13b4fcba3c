import { execFileSync } from 'node:child_process';
import { decryptCrypt, encryptCrypt } from './opayo-crypt';

describe('the Opayo Form Crypt field', () => {
  const password = 'SandboxCrypt2026';

  it('is AES-128-CBC with the password as key and IV, upper-case hex after an @', () => {
    const crypt = encryptCrypt({ VendorTxCode: 'T-1', Amount: '36.95', Currency: 'GBP' }, password);
    expect(crypt).toMatch(/^@[0-9A-F]+$/);
    // the known answer, worked out independently with openssl:
    //   printf 'VendorTxCode=T-1&Amount=36.95&Currency=GBP' | openssl enc -aes-128-cbc -K <hex(password)> -iv <hex(password)> | xxd -p -u
    expect(crypt).toBe(
      `@${execFileSync('openssl', ['enc', '-aes-128-cbc', '-K', Buffer.from(password).toString('hex'), '-iv', Buffer.from(password).toString('hex')], {
        input: 'VendorTxCode=T-1&Amount=36.95&Currency=GBP',
      })
        .toString('hex')
        .toUpperCase()}`,
    );
    expect(decryptCrypt(crypt, password)).toEqual({ VendorTxCode: 'T-1', Amount: '36.95', Currency: 'GBP' });
  });

  it('never gives back the fields of a Crypt made with another password or altered, nor of one that is not hex', () => {
    const fields = { Status: 'OK', Amount: '10.00', VendorTxCode: 'AP-1-1' };
    const crypt = encryptCrypt(fields, password);
    // CBC has no integrity of its own: a wrong key or a changed byte gives bad padding or garbage, never the fields
    // (the payment service then refuses anything whose VendorTxCode, Amount and Status are not exactly right)
    expect(decryptCrypt(crypt, 'AnotherPassword1')).not.toEqual(fields);
    const altered = `@${(parseInt(crypt[1], 16) ^ 1).toString(16).toUpperCase()}${crypt.slice(2)}`;
    expect(decryptCrypt(altered, password)).not.toEqual(fields);
    expect(decryptCrypt('@NOTHEX', password)).toBeNull();
    expect(decryptCrypt('', password)).toBeNull();
  });

  it('keeps "&" and "=" in free text from breaking the fields', () => {
    const crypt = encryptCrypt({ BillingSurname: 'Smith & Sons', Amount: '1.00' }, password);
    expect(decryptCrypt(crypt, password)).toEqual({ BillingSurname: 'Smith   Sons', Amount: '1.00' });
  });
});
