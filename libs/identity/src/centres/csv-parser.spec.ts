import { CsvSyntaxError, parseCsv } from './csv-parser';

describe('parseCsv', () => {
  it('reads quoted values, escaped quotes, commas and line breaks inside quotes, with the line each record starts on', () => {
    expect(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\n\n"two\nlines",2\n3,')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,1', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', '2'] },
      { line: 6, fields: ['3', ''] },
    ]);
  });

  it('accepts CR-only line ends and a file without a final line end', () => {
    expect(parseCsv('a,b\rc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  it('names the line of an unclosed quote and of a stray quote', () => {
    const problem = (text: string) => {
      try {
        parseCsv(text);
      } catch (err) {
        if (err instanceof CsvSyntaxError) return { line: err.line, message: err.message };
        throw err;
      }
      throw new Error('expected a CsvSyntaxError');
    };
    expect(problem('a\n"open,1\n2\n')).toEqual({ line: 2, message: expect.stringContaining('not closed') });
    expect(problem('a\nb"c\n')).toEqual({ line: 2, message: expect.stringContaining('inside an unquoted value') });
    expect(problem('a\n"b"c\n')).toEqual({ line: 2, message: expect.stringContaining('closing double quote') });
  });
});
