import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { VerificationLogEntry, VerificationMethod } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { VERIFICATION_METHOD_LABELS } from './verification-method';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** A document id of the filter: a whole number from 1 (the filter is in the address: ?documentId=). */
function documentIdOf(value: string | null): number | null {
  const id = Number(value);
  return value && Number.isSafeInteger(id) && id >= 1 ? id : null;
}

/**
 * The verification log (administrators): every check of a document's code or PDF, newest first,
 * with how it came (QR code, typed code, PDF upload) and the coarse client; optionally of one document.
 */
@Component({
  selector: 'adm-verifications-page',
  imports: [
    BodyTimePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
  ],
  templateUrl: './verifications-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .filter-button {
      margin-top: 8px;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationsPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() => (this.isHandset() ? ['at', 'method', 'document'] : ['at', 'method', 'client', 'document']));

  readonly filterForm = inject(NonNullableFormBuilder).group({
    documentId: ['', [Validators.pattern(/^\s*0*[1-9]\d{0,14}\s*$/)]],
  });
  /** The document the list shows (null: every document). */
  readonly documentId = signal<number | null>(null);
  readonly list = new KeysetList<VerificationLogEntry>(
    (cursor) => this.api.listVerifications({ documentId: this.documentId(), cursor, limit: LIST_PAGE_SIZE }),
    'The verifications could not be loaded.',
    this.destroyRef,
  );

  ngOnInit(): void {
    // The filter lives in the address, so a link to one document's verifications works.
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((query) => {
      const documentId = documentIdOf(query.get('documentId'));
      this.documentId.set(documentId);
      this.filterForm.controls.documentId.setValue(documentId ? String(documentId) : '');
      this.list.reload();
    });
  }

  filter(): void {
    if (this.filterForm.invalid) {
      this.filterForm.markAllAsTouched();
      return;
    }
    const documentId = documentIdOf(this.filterForm.controls.documentId.value.trim());
    if (documentId === this.documentId()) {
      this.list.reload();
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: { documentId } });
  }

  methodLabel(method: VerificationMethod): string {
    return VERIFICATION_METHOD_LABELS[method] ?? method;
  }

  clearFilter(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { documentId: null } });
  }
}
