import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { VerificationResult, verificationStatusWords } from '@achievement/contracts';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/**
 * The large status of a verified document: Valid (green), Revoked on <date> (red), or Superseded
 * with a link to the current version (amber). The words say it too, never only the colour.
 */
@Component({
  selector: 'ap-verification-status',
  imports: [RouterLink, MatIconModule],
  template: `
    @let doc = result();
    <div [class]="'banner banner--' + doc.status" role="status" data-testid="verify-status" [attr.data-status]="doc.status">
      @switch (doc.status) {
        @case ('valid') {
          <mat-icon class="banner__icon" aria-hidden="true" svgIcon="verified"></mat-icon>
          <div>
            <p class="banner__title">{{ words().title }}</p>
            <p>{{ words().text }}</p>
          </div>
        }
        @case ('revoked') {
          <mat-icon class="banner__icon" aria-hidden="true" svgIcon="block"></mat-icon>
          <div>
            <p class="banner__title">{{ words().title }}</p>
            <p>{{ words().text }}</p>
          </div>
        }
        @case ('superseded') {
          <mat-icon class="banner__icon" aria-hidden="true" svgIcon="history"></mat-icon>
          <div>
            <p class="banner__title">{{ words().title }}</p>
            <p>
              {{ words().text }}
              @if (doc.currentVersionCode) {
                <a [routerLink]="['/verify', doc.currentVersionCode]" [queryParams]="{ via: 'code' }" data-testid="verify-current-version"
                  >Check the current version</a
                >
              }
            </p>
          </div>
        }
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: 16px;
      padding: 16px 20px;
      border-radius: 8px;
      border-left: 8px solid;

      p {
        margin: 0;
      }
      a {
        color: inherit;
        font-weight: 500;
      }
    }
    .banner__icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      flex: none;
    }
    .banner__title {
      font: var(--mat-sys-headline-medium);
      margin-bottom: 4px !important;
    }
    .banner--valid {
      background: #c8e6c9;
      color: #1b5e20;
      border-color: #2e7d32;
    }
    .banner--revoked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-color: var(--mat-sys-error);
    }
    .banner--superseded {
      background: #fff3c4;
      color: #5d4200;
      border-color: #b28704;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationStatusComponent {
  readonly result = input.required<VerificationResult>();
  readonly words = computed(() => verificationStatusWords(this.result()));
}
