import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { VerificationResult, verificationFacts } from '@achievement/contracts';

/** The key facts of a verified document, as a list of terms and details. */
@Component({
  selector: 'ap-verification-facts',
  template: `
    <dl data-testid="verify-facts">
      @for (fact of facts(); track fact.term) {
        <dt>{{ fact.term }}</dt>
        <dd>
          @if (fact.date) {
            <time [attr.datetime]="fact.date">{{ fact.detail }}</time>
          } @else {
            {{ fact.detail }}
          }
        </dd>
      }
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
  readonly facts = computed(() => verificationFacts(this.result()));
}
