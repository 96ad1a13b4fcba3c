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
  templateUrl: './centres-page.component.html',
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
