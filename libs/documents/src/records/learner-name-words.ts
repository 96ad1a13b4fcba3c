/**
 * The words a learner name is found by on Records. "Mary-Jane O'Neill" gives
 * mary-jane, mary, jane, o'neill, oneill, neill: a search word matches when it is the start of
 * one of them, so "jane o'n", "oneil mary" and "neill" all find her. Words are lower-cased with
 * accents removed and letters such as ı, ß, ø, æ and ł folded (LETTER_FOLDS; the column's
 * collation ignores case and accents too), at most 100 characters.
 */
export function learnerNameWords(name: string): string[] {
  const words = new Set<string>();
  for (const token of normaliseName(name).split(' ')) {
    if (!token) continue;
    add(words, token);
    const parts = token.split(/[-‐‑]+/).filter(Boolean);
    if (parts.length > 1) for (const part of parts) addWithApostrophes(words, part);
    addWithApostrophes(words, token);
  }
  return [...words];
}

/**
 * All the words of a name as one text, each with a space before and after (" john smith "), so
 * `LIKE '% jo%'` asks whether some word starts with "jo". At most 700 characters.
 */
export function nameWordsText(words: readonly string[]): string {
  let text = ' ';
  for (const w of words) {
    if (text.length + w.length + 1 > 700) break;
    text += `${w} `;
  }
  return text;
}

/** What a person typed in the name filter, as search words (at most 8, each at most 100 characters). */
export function nameSearchWords(text: string): string[] {
  const words = normaliseName(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, 100));
  return [...new Set(words)].slice(0, 8);
}

/**
 * Letters that are not a base letter plus an accent, so removing marks leaves them as they are,
 * folded as an English reader types them: "kilic" finds Kılıç, "strasse" Straße, "soren" Søren.
 * The migration 1764390000000-records-letter-folding applies the same table to the stored words.
 */
export const LETTER_FOLDS: readonly (readonly [string, string])[] = [
  ['ı', 'i'],
  ['ß', 'ss'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ŀ', 'l'],
];
const FOLDS = new Map(LETTER_FOLDS);
const FOLDABLE = new RegExp(`[${LETTER_FOLDS.map(([from]) => from).join('')}]`, 'gu');

function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS.get(c)!)
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'-]+/gu, ' ')
    .trim();
}

function addWithApostrophes(words: Set<string>, token: string): void {
  add(words, token);
  if (!token.includes("'")) return;
  add(words, token.replace(/'/g, ''));
  for (const part of token.split("'")) if (part.length > 1) add(words, part);
}

function add(words: Set<string>, word: string): void {
  const w = word.replace(/^[-']+|[-']+$/g, '').slice(0, 100);
  if (w) words.add(w);
}
