import { Pipe, PipeTransform } from '@angular/core';
import { bodyDateTimeText, bodyDayText } from '@achievement/contracts';

/**
 * An instant that ends a chosen day, such as the end of a connection's access (the end of that day
 * in UK time, the body's zone), shown as the day that was chosen in every reader's time zone:
 * `{{ c.accessEndsAt | bodyDay }}` → "14 Feb 2026"; `| bodyDay: 'long'` → "14 February 2026";
 * `| bodyDay: 'time'` → "14 Feb 2026, 23:59 UK time". null and undefined show as "".
 */
@Pipe({ name: 'bodyDay' })
export class BodyDayPipe implements PipeTransform {
  transform(value: string | null | undefined, show: 'short' | 'long' | 'time' = 'short'): string {
    if (!value) return '';
    return show === 'time' ? bodyDateTimeText(value) : bodyDayText(value, show);
  }
}
