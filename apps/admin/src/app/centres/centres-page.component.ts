import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { CentreSummary } from '@achievement/contracts';
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
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** The API's limit of the search text (CentreListQueryDto). */
const SEARCH_MAX_LENGTH = 100;

/** The centres, ordered by number, with a search by name or number and "Load more". */
@Component({
  selector: 'adm-centres-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatTableModule],
  template: `
    <section class="page" data-testid="centres" aria-labelledby="centres-title">
      <div class="heading">
        <h1 id="centres-title">Centres</h1>
        <div class="heading__actions">
          <a mat-stroked-button routerLink="import">
            <mat-icon aria-hidden="true" svgIcon="upload_file"></mat-icon>
            Import contacts from CSV
          </a>
          <a mat-flat-button routerLink="new">
            <mat-icon aria-hidden="true" svgIcon="add"></mat-icon>
            New centre
          </a>
        </div>
      </div>

      <form class="filters" [formGroup]="searchForm" (ngSubmit)="search()" role="search" aria-label="Centres">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Search</mat-label>
          <input matInput formControlName="q" type="search" autocomplete="off" />
          <mat-hint>Part of the name, or the start of the number</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="submit" class="search-button">
          <mat-icon aria-hidden="true" svgIcon="search"></mat-icon>
          Search
        </button>
      </form>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading centres" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="centres-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="centres-empty">
          {{ query() ? 'No centres match “' + query() + '”.' : 'No centres yet. Add one with “New centre”.' }}
        </p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              Centres by number. Open one to edit it and its contact records.
            </caption>

            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef scope="col">Number</th>
              <td mat-cell *matCellDef="let c">
                <a [routerLink]="[c.id]">{{ c.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let c">{{ c.name }}</td>
            </ng-container>
            <ng-container matColumnDef="town">
              <th mat-header-cell *matHeaderCellDef scope="col">Town</th>
              <td mat-cell *matCellDef="let c">
                {{ c.town }} <span class="muted">{{ c.postcode }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="centralEmail">
              <th mat-header-cell *matHeaderCellDef scope="col">Central email</th>
              <td mat-cell *matCellDef="let c" class="wrap">{{ c.centralEmail }}</td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let c; columns: columns()" class="clickable-row" data-testid="centre-row" (click)="open(c, $event)"></tr>
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
    .filters mat-form-field {
      width: 320px;
    }
    .search-button {
      margin-top: 8px;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CentresPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() => (this.isHandset() ? ['number', 'name'] : ['number', 'name', 'town', 'centralEmail']));

  readonly searchForm = inject(NonNullableFormBuilder).group({ q: ['', [Validators.maxLength(SEARCH_MAX_LENGTH)]] });
  /** The search the list shows. */
  readonly query = signal('');
  readonly list = new KeysetList<CentreSummary>(
    (cursor) => this.api.listCentres({ q: this.query(), cursor, limit: LIST_PAGE_SIZE }),
    'The centres could not be loaded.',
    inject(DestroyRef),
  );

  ngOnInit(): void {
    this.list.reload();
  }

  search(): void {
    this.query.set(this.searchForm.controls.q.value.trim().slice(0, SEARCH_MAX_LENGTH));
    this.list.reload();
  }

  open(centre: CentreSummary, event?: Event): void {
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([centre.id], { relativeTo: this.route });
  }
}
