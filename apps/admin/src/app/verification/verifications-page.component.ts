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
  template: `
    <section class="page" data-testid="verifications" aria-labelledby="verifications-title">
      <div class="heading">
        <h1 id="verifications-title">Verifications</h1>
        <div class="heading__actions">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Refresh
          </button>
        </div>
      </div>

      <form class="filters" [formGroup]="filterForm" (ngSubmit)="filter()" role="search" aria-label="Verifications">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Document id</mat-label>
          <input matInput formControlName="documentId" type="text" inputmode="numeric" autocomplete="off" data-testid="verifications-document-filter" />
          @if (filterForm.controls.documentId.invalid) {
            <mat-error>Enter a document id (a whole number from 1)</mat-error>
          } @else {
            <mat-hint>Every document when empty</mat-hint>
          }
        </mat-form-field>
        <button mat-stroked-button type="submit" class="filter-button">
          <mat-icon aria-hidden="true" svgIcon="filter_list"></mat-icon>
          Filter
        </button>
        @if (documentId()) {
          <button mat-button type="button" class="filter-button" (click)="clearFilter()">Show every document</button>
        }
      </form>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading verifications" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="verifications-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="verifications-empty">
          {{ documentId() ? 'No verifications of document ' + documentId() + ' yet.' : 'No verifications yet.' }}
        </p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              Verifications, newest first.
            </caption>

            <ng-container matColumnDef="at">
              <th mat-header-cell *matHeaderCellDef scope="col">Time</th>
              <td mat-cell *matCellDef="let entry">
                <time [attr.datetime]="entry.at">{{ entry.at | bodyTime: 'seconds' }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="method">
              <th mat-header-cell *matHeaderCellDef scope="col">Method</th>
              <td mat-cell *matCellDef="let entry">
                <span class="status">{{ methodLabel(entry.method) }}</span>
                @if (entry.hits > 1) {
                  <span class="hits" title="Identical checks within the same second"> ×{{ entry.hits }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="client">
              <th mat-header-cell *matHeaderCellDef scope="col">Client</th>
              <td mat-cell *matCellDef="let entry" class="wrap">{{ entry.client }}</td>
            </ng-container>
            <ng-container matColumnDef="document">
              <th mat-header-cell *matHeaderCellDef scope="col">Document</th>
              <td mat-cell *matCellDef="let entry">
                @if (entry.document; as doc) {
                  <a [routerLink]="[]" [queryParams]="{ documentId: doc.id }" [attr.aria-label]="'Verifications of ' + doc.documentNumber">{{
                    doc.documentNumber
                  }}</a>
                  <span class="muted"> {{ doc.learnerName }}</span>
                } @else {
                  <span class="muted">No document (unknown code or file)</span>
                }
              </td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let entry; columns: columns()" data-testid="verification-row"></tr>
          </table>
        </div>

        @if (list.nextCursor()) {
          <div class="more">
            <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">Load more</button>
          </div>
        }
      }
    </section>
  `,
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
