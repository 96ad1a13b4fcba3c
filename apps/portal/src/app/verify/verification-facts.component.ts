import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DOCUMENT_TYPE_LABELS, VerificationResult } from '@achievement/contracts';
import { CalendarDatePipe } from '../dates/calendar-date.pipe';

/** The key facts of a verified document, as a list of terms and details. */
@Component({
  selector: 'ap-verification-facts',
  imports: [CalendarDatePipe, DatePipe],
  template: `
    @let doc = result();
    <dl data-testid="verify-facts">
      <dt>Learner</dt>
      <dd>{{ doc.learnerName }}</dd>
      <dt>Qualification</dt>
      <dd>{{ doc.qualification.title }}</dd>
      <dt>Qualification number</dt>
      <dd>{{ doc.qualification.code }}</dd>
      <dt>Document</dt>
      <dd>{{ typeLabels[doc.type] }}</dd>
      <dt>Grade</dt>
      <dd>{{ doc.grade ?? '—' }}</dd>
      <dt>Award date</dt>
      <dd><time [attr.datetime]="doc.awardDate">{{ doc.awardDate | calendarDate }}</time></dd>
      <dt>Centre</dt>
      <dd>{{ doc.centre.name }} ({{ doc.centre.number }})</dd>
      <dt>Document number</dt>
      <dd>{{ doc.documentNumber }}</dd>
      <dt>Issued</dt>
      <dd>{{ doc.issuedAt | date: 'd MMMM y' }}</dd>
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @media (max-width: 599.98px) {
      dl {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      dd {
        margin-bottom: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationFactsComponent {
  readonly result = input.required<VerificationResult>();
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
}
