import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { QualificationSummary } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { AdminApiClient } from '../api/admin-api.client';
import { apiErrorMessage, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** A generous limit of the search text (the API trims and checks it again). */
const SEARCH_MAX_LENGTH = 100;

/**
 * The qualifications (administrators), ordered by code, with whether their documents are shown on
 * the public verification page (the default for each document of the qualification; a document
 * may override it).
 */
@Component({
  selector: 'adm-qualifications-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTableModule,
  ],
  templateUrl: './qualifications-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .intro {
      margin: 0 0 16px;
      max-width: 70ch;
    }
    .filters mat-form-field {
      width: 320px;
    }
    .search-button {
      margin-top: 8px;
    }
    .code {
      font-weight: 500;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationsPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly columns = ['code', 'title', 'display'];
  readonly searchForm = inject(NonNullableFormBuilder).group({ q: ['', [Validators.maxLength(SEARCH_MAX_LENGTH)]] });
  /** The search the list shows. */
  readonly query = signal('');
  /** The qualifications whose setting is being saved. */
  readonly saving = signal<ReadonlySet<number>>(new Set());
  readonly list = new KeysetList<QualificationSummary>(
    (cursor) => this.api.listQualifications({ q: this.query(), cursor, limit: LIST_PAGE_SIZE }),
    'The qualifications could not be loaded.',
    this.destroyRef,
  );

  ngOnInit(): void {
    this.list.reload();
  }

  search(): void {
    this.query.set(this.searchForm.controls.q.value.trim().slice(0, SEARCH_MAX_LENGTH));
    this.list.reload();
  }

  setDisplay(qualification: QualificationSummary, change: MatSlideToggleChange): void {
    const displayOnVerify = change.checked;
    const update = (shown: boolean) =>
      this.list.replace(
        (row) => row.id === qualification.id,
        (row) => ({ ...row, displayOnVerify: shown }),
      );
    update(displayOnVerify);
    this.markSaving(qualification.id, true);
    this.api
      .setQualificationDisplay(qualification.id, { displayOnVerify })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.markSaving(qualification.id, false);
          this.snackBar.open(
            displayOnVerify
              ? `Documents of ${qualification.code} are now shown on the verification page.`
              : `Documents of ${qualification.code} are no longer shown on the verification page.`,
            'Close',
            { duration: 6000 },
          );
        },
        error: (error: unknown) => {
          this.markSaving(qualification.id, false);
          update(!displayOnVerify);
          // The toggle moved when clicked: put it back where the API left it.
          change.source.checked = !displayOnVerify;
          this.snackBar.open(apiErrorMessage(error, `The setting of ${qualification.code} could not be saved.`), 'Close', { duration: 8000 });
        },
      });
  }

  private markSaving(id: number, saving: boolean): void {
    this.saving.update((ids) => {
      const next = new Set(ids);
      if (saving) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
