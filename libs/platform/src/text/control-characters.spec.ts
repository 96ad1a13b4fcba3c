import { CONTROL_CHARACTERS, CONTROL_EXCEPT_NEWLINES } from './control-characters';

describe('control characters', () => {
  it.each([
    ['a NUL', 'Ada\u0000'],
    ['a line feed', 'Ada\nLovelace'],
    ['a C1 control', 'Ada\u0085'],
    ['a right-to-left override', 'Ada\u202e'],
    ['a zero-width space', 'Ada\u200b'],
    ['a byte order mark', '\ufeffAda'],
    ['a line separator', 'Ada\u2028'],
  ])('refuses %s', (_what, text) => {
    expect(CONTROL_CHARACTERS.test(text)).toBe(true);
  });

  it.each([
    ['letters beyond ASCII', 'Zoë Wójcik-Nowak'],
    ['a zero-width joiner in an emoji sequence', '👩\u200d🎓'],
    ['a zero-width non-joiner', 'می\u200cخواهم'],
  ])('does not count %s as control characters', (_what, text) => {
    expect(CONTROL_CHARACTERS.test(text)).toBe(false);
  });

  it('allows line breaks and tabs in multi-line text, and nothing else of the kind', () => {
    expect(CONTROL_EXCEPT_NEWLINES.test('Line one\r\nLine two\tand a tab')).toBe(false);
    expect(CONTROL_EXCEPT_NEWLINES.test('Line one\u0000')).toBe(true);
    expect(CONTROL_EXCEPT_NEWLINES.test('Line one\u202e')).toBe(true);
    expect(CONTROL_EXCEPT_NEWLINES.test('👩\u200d🎓')).toBe(false);
  });
});
