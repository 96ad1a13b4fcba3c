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
