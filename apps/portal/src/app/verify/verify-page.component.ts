import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { PdfCheckResult } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { focusAfterRender } from '../forms/focus';
import { normaliseVerificationCode, verificationCode } from './verification-code';
import { checkFailure } from './verification-errors';
import { VerificationFactsComponent } from './verification-facts.component';
import { VerificationStatusComponent } from './verification-status.component';

/** The API's limit of an uploaded PDF (POST /api/verify/pdf): 10 MiB. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;
/** Longer than any code once pasted as an address, so a typo is shown rather than cut. */
const CODE_INPUT_MAX_LENGTH = 200;

/**
 * "Verify a document", public: type the code printed under the QR code (→ /verify/<code>), or
 * check that a PDF file is, byte for byte, a document the awarding body issued (a centre's
 * stamped copy of one is named as such: whose it is and its status, and that it is not the document).
 */
@Component({
  selector: 'ap-verify-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    VerificationStatusComponent,
    VerificationFactsComponent,
  ],
  templateUrl: './verify-page.component.html',
  styles: `
    .verify-page {
      max-width: 760px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .intro {
      margin: 0 0 8px;
    }
    .code-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;

      mat-form-field {
        flex: 1 1 280px;
      }
      button {
        margin-top: 8px;
      }
    }
    .pdf-check p {
      margin: 0 0 12px;
    }
    .progress {
      min-height: 4px;
      margin: 12px 0 8px;
    }
    .problem,
    .verdict {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 4px;

      p {
        margin: 0;
      }
    }
    .problem,
    .verdict--not-issued {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .verdict--genuine {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .verdict--centre-copy {
      background: #fff3cd;
      color: #5c4200;

      p + p {
        margin-top: 8px;
      }
    }
    .outcome:focus {
      outline: none;
    }
    .facts {
      display: block;
      margin-top: 16px;
    }
    .hash {
      margin-top: 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');

  readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(CODE_INPUT_MAX_LENGTH), verificationCode]],
  });

  readonly checking = signal(false);
  readonly fileName = signal('');
  readonly pdfResult = signal<PdfCheckResult | null>(null);
  readonly pdfProblem = signal<string | null>(null);

  async checkCode(): Promise<void> {
    const code = normaliseVerificationCode(this.form.controls.code.value);
    if (this.form.invalid || code === '') {
      this.form.markAllAsTouched();
      return;
    }
    await this.router.navigate(['/verify', code], { queryParams: { via: 'code' } });
  }

  fileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Choosing the same file again must start a new check.
    input.value = '';
    if (file) {
      void this.checkPdf(file);
    }
  }

  async checkPdf(file: File): Promise<void> {
    if (this.checking()) {
      return;
    }
    this.fileName.set(file.name);
    this.pdfResult.set(null);
    this.pdfProblem.set(null);
    if (!isPdf(file)) {
      this.pdfProblem.set(`${file.name} is not a PDF file. Choose the PDF of the document.`);
      return;
    }
    if (file.size > PDF_MAX_BYTES) {
      this.pdfProblem.set(`${file.name} is larger than 10 MB, so it is not a document the awarding body issued.`);
      return;
    }
    this.checking.set(true);
    try {
      this.pdfResult.set(await firstValueFrom(this.api.checkPdf(file)));
      focusAfterRender(this.injector, () => this.outcome());
    } catch (error) {
      this.pdfProblem.set(checkFailure(error, 'The file could not be checked. Try again in a moment.'));
    } finally {
      this.checking.set(false);
    }
  }
}

function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}
