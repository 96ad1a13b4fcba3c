import { Pipe, PipeTransform } from '@angular/core';
import { bodyDateTimeText } from '@achievement/contracts';

/**
 * `{{ email.createdAt | bodyTime }}` → "3 Dec 2026, 12:15 UK time": an instant in British form and
 * in the awarding body's time zone, whatever the reader's browser says; `| bodyTime: 'seconds'` →
 * "3 Dec 2026, 12:15:07 UK time", for logs. null and undefined show as "".
 */
@Pipe({ name: 'bodyTime' })
export class BodyTimePipe implements PipeTransform {
  transform(value: string | null | undefined, precision: 'minutes' | 'seconds' = 'minutes'): string {
    return value ? bodyDateTimeText(value, precision) : '';
  }
}
