import { FormControl } from '@angular/forms';
import { normaliseVerificationCode, verificationCode } from './verification-code';

const CODE = 'Zm9vYmFy-mF6cXV4cXV1eHF1dXhxdXV4';

describe('normaliseVerificationCode', () => {
  it('keeps a code typed as printed, dashes and letter case included', () => {
    expect(normaliseVerificationCode(CODE)).toBe(CODE);
    expect(normaliseVerificationCode('abcDEF')).toBe('abcDEF');
  });

  it('drops spaces and line breaks, around and inside the code', () => {
    expect(normaliseVerificationCode(`  Zm9vYmFy mF6cXV4\n cXV1eHF1dXhxdXV4 `)).toBe('Zm9vYmFymF6cXV4cXV1eHF1dXhxdXV4');
  });

  it('drops dashes typed to group the characters when that leaves a whole code', () => {
    expect(normaliseVerificationCode('Zm9v-YmFy-YmF6-cXV4-cXV1-eHF1-dXhx-dXV4')).toBe('Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4');
  });

  it('takes the code out of a pasted verification address', () => {
    expect(normaliseVerificationCode(`https://portal.example.org/verify/${CODE}?via=qr`)).toBe(CODE);
  });
});

describe('verificationCode validator', () => {
  const check = (value: string) => verificationCode(new FormControl(value));

  it('accepts letters, digits, "-" and "_", and leaves empty to required', () => {
    expect(check(CODE)).toBeNull();
    expect(check('a_b-c')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('refuses other characters', () => {
    expect(check('abc/def')).toEqual({ verificationCode: true });
    expect(check('abc.def')).toEqual({ verificationCode: true });
  });
});
