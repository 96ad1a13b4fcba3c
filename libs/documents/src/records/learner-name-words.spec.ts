import { learnerNameWords, nameSearchWords, nameWordsText } from './learner-name-words';

describe('learnerNameWords', () => {
  it('gives each name, lower-cased', () => {
    expect(learnerNameWords('John Smith').sort()).toEqual(['john', 'smith']);
  });

  it('gives hyphenated names whole and in parts, apostrophes with and without', () => {
    expect(learnerNameWords("Mary-Jane O'Neill").sort()).toEqual(['jane', 'mary', 'mary-jane', 'neill', "o'neill", 'oneill']);
  });

  it('drops accents and stray punctuation', () => {
    expect(learnerNameWords('  Zoë  Brontë, Jr. ').sort()).toEqual(['bronte', 'jr', 'zoe']);
  });

  it('folds letters that are not accented base letters: ı ß ø æ œ ł đ þ', () => {
    expect(learnerNameWords('Kılıç Straße').sort()).toEqual(['kilic', 'strasse']);
    expect(learnerNameWords('Søren Ærø Œuvre Łukasz Đorđe Þóra').sort()).toEqual(['aero', 'dorde', 'lukasz', 'oeuvre', 'soren', 'thora']);
    expect(nameSearchWords('KILIÇ strasse')).toEqual(['kilic', 'strasse']);
  });
});

describe('nameSearchWords', () => {
  it('splits what was typed into distinct words', () => {
    expect(nameSearchWords(' smi  Jo smi ')).toEqual(['smi', 'jo']);
  });
});

describe('nameWordsText', () => {
  it('joins the words with a space before and after each, for LIKE "% jo%"', () => {
    expect(nameWordsText(['john', 'smith'])).toBe(' john smith ');
    expect(nameWordsText(Array(100).fill('abcdefghij')).length).toBeLessThanOrEqual(700);
  });
});
