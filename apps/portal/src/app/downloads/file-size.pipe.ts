import { Pipe, PipeTransform } from '@angular/core';

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** Bytes as a person reads them: "512 bytes", "1.5 KB", "23 MB" (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes.toLocaleString('en-GB')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  }
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < UNITS.length - 1);
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** `{{ download.sizeBytes | fileSize }}`; null and undefined show as "—". */
@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '—' : formatFileSize(bytes);
  }
}
