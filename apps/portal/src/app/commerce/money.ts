import { Pipe, PipeTransform } from '@angular/core';

/** 123456 → "£1,234.56" (integer pence, no floating-point arithmetic). */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const whole = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** `{{ money.grossPence | pence }}` → "£12.00". */
@Pipe({ name: 'pence' })
export class PencePipe implements PipeTransform {
  transform(pence: number | null | undefined): string {
    return pence === null || pence === undefined ? '—' : formatPence(pence);
  }
}
