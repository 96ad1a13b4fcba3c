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
  template: `
    <div class="page verify-page">
      <h1>Verify a document</h1>
      <p class="intro">
        Scan the QR code on the document with the camera of a phone or tablet, or type the code printed under it. You will see whether the document is valid and
        its key facts.
      </p>

      <section aria-labelledby="code-title">
        <h2 id="code-title">Check a code</h2>
        <form [formGroup]="form" (ngSubmit)="checkCode()" novalidate class="code-form">
          <mat-form-field>
            <mat-label>Verification code</mat-label>
            <input
              matInput
              formControlName="code"
              autocomplete="off"
              autocapitalize="off"
              autocorrect="off"
              spellcheck="false"
              required
              data-testid="verify-code"
            />
            <mat-hint>As printed under the QR code; letter case matters</mat-hint>
            @if (form.controls.code.hasError('required')) {
              <mat-error>Enter the code printed under the QR code</mat-error>
            } @else if (form.controls.code.invalid) {
              <mat-error>A code has only letters, digits, “-” and “_”</mat-error>
            }
          </mat-form-field>
          <button mat-flat-button type="submit" data-testid="verify-code-submit">Check</button>
        </form>
      </section>

      <section aria-labelledby="pdf-title" class="pdf-check">
        <h2 id="pdf-title">Check a PDF</h2>
        <p>If you were sent a document as a PDF file, check that the file is exactly one the awarding body issued.</p>
        <input
          #fileInput
          class="cdk-visually-hidden"
          type="file"
          accept="application/pdf,.pdf"
          aria-label="PDF file to check"
          tabindex="-1"
          data-testid="verify-pdf-input"
          (change)="fileChosen($event)"
        />
        <button mat-stroked-button type="button" [disabled]="checking()" (click)="fileInput.click()" data-testid="verify-pdf-choose">
          <mat-icon aria-hidden="true" svgIcon="upload_file"></mat-icon>
          Choose a PDF
        </button>

        <div class="progress" aria-live="polite">
          @if (checking()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Checking ' + fileName()" />
          }
        </div>

        @if (pdfProblem(); as message) {
          <div class="problem" role="alert" data-testid="verify-pdf-error">
            <mat-icon aria-hidden="true" svgIcon="error"></mat-icon>
            <p>{{ message }}</p>
          </div>
        }

        @if (pdfResult(); as check) {
          <div class="outcome" #outcome tabindex="-1">
            @if (check.kind === 'centre-copy' && check.document; as doc) {
              <div class="verdict verdict--centre-copy" role="status" data-testid="verify-centre-copy">
                <mat-icon aria-hidden="true" svgIcon="report"></mat-icon>
                <div>
                  <p>
                    <strong>A centre copy, not the document:</strong> this file ({{ fileName() }}) is the copy of {{ doc.learnerName }}’s document
                    {{ doc.documentNumber }} ({{ doc.qualification.title }}) that their training centre keeps for its records. It is stamped “Centre copy — not
                    valid for verification”.
                  </p>
                  <p>
                    A centre copy does not prove the document. Below is the document’s current status. To rely on it, ask the learner for the document itself,
                    or check the code printed under its QR code.
                  </p>
                </div>
              </div>
              <ap-verification-status [result]="doc" />
              <ap-verification-facts class="facts" [result]="doc" />
            } @else if (check.kind === 'genuine' && check.document; as doc) {
              <div class="verdict verdict--genuine" role="status" data-testid="verify-genuine">
                <mat-icon aria-hidden="true" svgIcon="verified"></mat-icon>
                <p><strong>Genuine:</strong> this file ({{ fileName() }}) is, byte for byte, a document issued by the awarding body.</p>
              </div>
              <ap-verification-status [result]="doc" />
              <ap-verification-facts class="facts" [result]="doc" />
            } @else {
              <div class="verdict verdict--not-issued" role="status" data-testid="verify-not-issued">
                <mat-icon aria-hidden="true" svgIcon="gpp_bad"></mat-icon>
                <p>
                  <strong>Not issued:</strong> this file ({{ fileName() }}) does not match any document the awarding body issued. A changed copy of a real
                  document does not match either.
                </p>
              </div>
            }
            <p class="hash">
              SHA-256 of the file: <code>{{ check.sha256 }}</code>
            </p>
          </div>
        }
      </section>
    </div>
  `,
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
