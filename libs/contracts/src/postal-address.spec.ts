import { deliveryProblem, normalisePostcode, postcodeProblem } from './postal-address';

describe('the postcode rule', () => {
  it('takes UK postcodes in every official shape for UK countries, written as Royal Mail writes them', () => {
    for (const [typed, stored] of [
      ['sw1a1aa', 'SW1A 1AA'],
      ['M1 1AE', 'M1 1AE'],
      ['b33 8th', 'B33 8TH'],
      ['CR2  6XH', 'CR2 6XH'],
      ['DN55 1PT', 'DN55 1PT'],
      ['W1A 0AX', 'W1A 0AX'],
      ['gir0aa', 'GIR 0AA'],
    ]) {
      expect(normalisePostcode(typed, 'GB')).toBe(stored);
      expect(postcodeProblem(typed, 'GB')).toBeNull();
    }
    expect(postcodeProblem('IM1 1AA', 'IM')).toBeNull();
    expect(postcodeProblem('GY1 1AA', 'gg')).toBeNull();
  });

  it('refuses what is no UK postcode for a UK country, and leaves empty to "required"', () => {
    for (const value of ['ZZZ', '12345', 'SW1A', 'SW1A 1A', 'SW1A 1AAA', '1AA 1AA', 'LS1-4AB']) {
      expect({ value, problem: postcodeProblem(value, 'GB') }).toEqual({ value, problem: 'ukPostcode' });
    }
    expect(postcodeProblem('  ', 'GB')).toBeNull();
  });

  it('takes the looser shape abroad: 2 to 10 letters, digits, spaces or dashes', () => {
    for (const value of ['75001', 'D02 X285', '1012 AB', '10115', 'ZZZ', '12345-6789']) expect(postcodeProblem(value, 'FR')).toBeNull();
    for (const value of ['X', 'ABCDE-12345', '-123', '12.345', '12345-']) {
      expect({ value, problem: postcodeProblem(value, 'FR') }).toEqual({ value, problem: 'postcode' });
    }
    expect(normalisePostcode(' d02   x285 ', 'IE')).toBe('D02 X285');
  });

  it('sends UK addresses by UK delivery and other addresses only by international delivery', () => {
    expect(deliveryProblem('standard', 'GB')).toBeNull();
    expect(deliveryProblem('tracked', 'JE')).toBeNull();
    expect(deliveryProblem('international', 'FR')).toBeNull();
    expect(deliveryProblem('standard', 'FR')).toMatch(/outside the UK: choose international delivery/);
    expect(deliveryProblem('international', 'GB')).toMatch(/International delivery is for addresses outside the UK/);
  });
});
