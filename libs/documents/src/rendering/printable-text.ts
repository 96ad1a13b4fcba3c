import { CertificateFonts } from './certificate-fonts';

/**
 * Text that is printed on a certificate (names, titles, grades, units) must print exactly as it
 * was given: a character that none of the certificate's fonts draws would vanish from the PDF
 * (an emoji such as 🎓), so such text is refused with the characters named, never changed.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The characters (as a reader sees them: whole grapheme clusters such as 👩‍🎓) of `text` that the
 * certificate's fonts cannot draw, each once, in order of appearance. Empty when all prints.
 * A character counts as printable when the text face has it in both weights (names are set in
 * bold, labels in regular), or when the CJK face has it: the renderer's own choice of face.
 */
export function unprintableCharacters(text: string, fonts: CertificateFonts = CertificateFonts.default()): string[] {
  const printable = (cp: number) => (fonts.hasGlyph('regular', cp) && fonts.hasGlyph('bold', cp)) || fonts.hasGlyph('cjk', cp);
  const missing = new Set<string>();
  for (const { segment } of graphemes.segment(text)) {
    for (const ch of segment) {
      if (!printable(ch.codePointAt(0)!)) {
        missing.add(segment);
        break;
      }
    }
  }
  return [...missing];
}

/** The message for a printed field holding characters the certificate cannot print; null when it prints. */
export function unprintableProblem(field: string, text: string, fonts?: CertificateFonts): string | null {
  const missing = unprintableCharacters(text, fonts);
  if (missing.length === 0) return null;
  const shown = missing.slice(0, 5).join(' ');
  return `${field} holds ${missing.length === 1 ? 'a character' : 'characters'} a certificate cannot print (${shown}${missing.length > 5 ? ' …' : ''}): give it as it should appear on the certificate`;
}
