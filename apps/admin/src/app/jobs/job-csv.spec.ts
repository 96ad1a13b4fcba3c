import { JOB_CSV_COLUMNS } from '@achievement/contracts';
import { countDataLines, EXAMPLE_JOB_CSV, REQUIRED_JOB_CSV_COLUMNS } from './job-csv';

describe('job CSV', () => {
  it('counts the lines of learners below the header, a quoted field over several lines once', () => {
    expect(countDataLines('')).toBe(0);
    expect(countDataLines('a,b\n')).toBe(0);
    expect(countDataLines('a,b\n1,2\n\n3,4')).toBe(2);
    expect(countDataLines('a,b\r\n1,"two\r\nlines"\r\n,\r\n')).toBe(1);
  });

  it('gives an example with every column and two learners', () => {
    const [header] = EXAMPLE_JOB_CSV.split('\n');
    expect(header.split(',')).toEqual([...JOB_CSV_COLUMNS]);
    expect(countDataLines(EXAMPLE_JOB_CSV)).toBe(2);
    expect(REQUIRED_JOB_CSV_COLUMNS.every((column) => (JOB_CSV_COLUMNS as readonly string[]).includes(column))).toBe(true);
  });
});
