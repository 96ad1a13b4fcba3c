import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { VerificationResult } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { apiStatus } from '../api/api-error';
import { PortalApiClient } from '../api/portal-api.client';
import { checkFailure, CODE_NOT_FOUND } from './verification-errors';
import { VerificationFactsComponent } from './verification-facts.component';
import { VerificationStatusComponent } from './verification-status.component';

/**
 * A document's public verification page, /verify/:code (the address of its QR code; ?via=code
 * when the code was typed): the live status, the key facts and, when the awarding body allows
 * it, the document itself. No sign-in.
 */
@Component({
  selector: 'ap-verification-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, VerificationStatusComponent, VerificationFactsComponent],
  template: `
    <div class="page verification-page" data-testid="verification">
      <h1>Document verification</h1>

      <div class="progress" aria-live="polite">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Checking the document" />
        }
      </div>

      @if (problem(); as message) {
        <div class="problem" role="alert" data-testid="verify-error">
          <mat-icon aria-hidden="true">error</mat-icon>
          <p>{{ message }}</p>
          @if (canRetry()) {
            <button mat-stroked-button type="button" (click)="load()">
              <mat-icon aria-hidden="true">refresh</mat-icon>
              Try again
            </button>
          }
        </div>
      }

      @if (result(); as doc) {
        <ap-verification-status [result]="doc" />

        <section class="facts" aria-labelledby="facts-title">
          <h2 id="facts-title">Key facts</h2>
          <ap-verification-facts [result]="doc" />
        </section>

        @if (doc.displayEnabled) {
          <section class="viewer" aria-labelledby="viewer-title">
            <h2 id="viewer-title">The document</h2>
            <p class="viewer-actions">
              <a mat-stroked-button [href]="documentUrl()" target="_blank" rel="noopener" data-testid="verify-open-document">
                <mat-icon aria-hidden="true">open_in_new</mat-icon>
                Open the document
                <span class="cdk-visually-hidden">(opens in a new tab)</span>
              </a>
            </p>
            <iframe class="pdf" [src]="frameUrl()" [title]="'Document ' + doc.documentNumber + ' (PDF)'" data-testid="verify-document"></iframe>
          </section>
        }
      }

      <p class="again"><a routerLink="/verify">Check another document</a></p>
    </div>
  `,
  styles: `
    .verification-page {
      max-width: 960px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .progress {
      min-height: 4px;
      margin-bottom: 8px;
    }
    .problem {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);

      p {
        margin: 0;
        flex: 1 1 240px;
      }
    }
    .viewer-actions {
      margin: 0 0 8px;
    }
    .pdf {
      width: 100%;
      height: 80vh;
      min-height: 360px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .again {
      margin-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  readonly code = signal('');
  readonly result = signal<VerificationResult | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<string | null>(null);
  /** Not for an unknown code: trying the same code again gives the same answer. */
  readonly canRetry = signal(false);

  /** The PDF through the verification API (same origin), for the frame and "Open the document". */
  readonly documentUrl = computed(() => this.api.verifiedDocumentUrl(this.code()));
  readonly frameUrl = computed<SafeResourceUrl>(() =>
    // A path of this origin with the code percent-encoded: safe to frame.
    this.sanitizer.bypassSecurityTrustResourceUrl(this.documentUrl()),
  );

  ngOnInit(): void {
    // The superseded banner links to another code: the same page shows it.
    this.route.paramMap
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.load());
  }

  async load(): Promise<void> {
    const code = this.route.snapshot.paramMap.get('code') ?? '';
    const via = this.route.snapshot.queryParamMap.get('via') === 'code' ? 'code' : 'qr';
    this.code.set(code);
    this.loading.set(true);
    this.problem.set(null);
    this.canRetry.set(false);
    try {
      this.result.set(await firstValueFrom(this.api.verify(code, via)));
    } catch (error) {
      this.result.set(null);
      const status = apiStatus(error);
      if (status === 404 || status === 400) {
        this.problem.set(CODE_NOT_FOUND);
      } else {
        this.problem.set(checkFailure(error, 'The document could not be checked. Try again in a moment.'));
        this.canRetry.set(true);
      }
    } finally {
      this.loading.set(false);
    }
  }
}
