import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EmailDetail } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { EmailStatusChipComponent } from './email-status-chip.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage } from '@achievement/web';

/**
 * Makes every link of the email open in a new tab: a <base target="_blank"> in its <head>
 * (or at the top when it has none).
 */
export function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

/** One email of the outbox: its headers and both bodies, as the recipient got them. */
@Component({
  selector: 'adm-email-detail-page',
  imports: [BodyTimePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, EmailStatusChipComponent],
  templateUrl: './email-detail-page.component.html',
  styleUrl: './email-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:resize)': 'fitToBody()' },
})
export class EmailDetailPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly destroyRef = inject(DestroyRef);
  private request?: Subscription;
  private id = 0;

  readonly email = signal<EmailDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private readonly htmlFrame = viewChild<ElementRef<HTMLIFrameElement>>('htmlFrame');
  /**
   * The HTML body for the iframe's srcdoc. It is trusted as-is because the iframe is sandboxed
   * without allow-scripts: no script of the email runs (the portal's Content-Security-Policy, which
   * a srcdoc document inherits, forbids inline scripts too), and forms cannot be sent. It has
   * allow-same-origin only so that this page can read the body's height and show it whole; with no
   * script inside, nothing in the email can use that origin. Angular's sanitizer would strip the
   * email's styles.
   */
  readonly htmlBody = computed<SafeHtml | null>(() => {
    const html = this.email()?.html;
    return html ? this.sanitizer.bypassSecurityTrustHtml(withLinksInNewTab(html)) : null;
  });

  /** Grows the iframe to the email's full height, so a long body is read whole with the page's own scroll. */
  fitToBody(): void {
    const frame = this.htmlFrame()?.nativeElement;
    const body = frame?.contentDocument?.documentElement;
    if (!frame || !body) return;
    frame.style.height = '0px';
    frame.style.height = `${Math.max(body.scrollHeight, 120) + 2}px`;
  }

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id = Number(params.get('id'));
        this.load();
      });
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  load(): void {
    this.request?.unsubscribe();
    this.email.set(null);
    this.error.set(null);
    if (!Number.isInteger(this.id) || this.id < 1) {
      this.error.set('There is no email at this address.');
      return;
    }
    this.loading.set(true);
    this.request = this.api.getEmail(this.id).subscribe({
      next: (email) => {
        this.email.set(email);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The email could not be loaded.'));
        this.loading.set(false);
      },
    });
  }
}
