import { FileSizePipe, formatFileSize } from './file-size.pipe';

describe('formatFileSize', () => {
  it('says bytes below a kilobyte, then KB, MB and GB with one decimal below 10', () => {
    expect(formatFileSize(0)).toBe('0 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(1023)).toBe('1,023 bytes');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(200 * 1024)).toBe('200 KB');
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatFileSize(1024 ** 3 * 12)).toBe('12 GB');
  });

  it('shows a size not known yet as a dash', () => {
    expect(new FileSizePipe().transform(null)).toBe('—');
  });
});
