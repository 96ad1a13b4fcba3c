import { Pipe, PipeTransform } from '@angular/core';
import { calendarDateText } from '@achievement/contracts';

/**
 * `{{ doc.awardDate | calendarDate }}` → "28 August 2025", as the certificate prints it, in every
 * time zone. For calendar dates only (award dates, dates of birth: `YYYY-MM-DD` from the API);
 * Angular's `date` pipe makes an instant of the day and can show the day before. Times (issuedAt,
 * revokedAt, …) keep the `date` pipe and the reader's zone. null and undefined show as "".
 */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value ? calendarDateText(value) : '';
  }
}
