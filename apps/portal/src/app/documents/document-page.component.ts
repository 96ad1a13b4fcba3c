import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, numberAttribute, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CENTRE_COPY_STAMP, DOCUMENT_TYPE_LABELS, DocumentDetail } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { DocumentStatusChipComponent } from './document-status-chip.component';
import { DOCUMENT_STATUS_LABELS } from './document-status';
import { openReportIssueDialog } from './report-issue-dialog.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiErrorMessage, apiStatus, CalendarDatePipe } from '@achievement/web';

/**
 * A document of the centre (/records/:id, /documents/:id): the learner's details, the
 * qualification, units and versions, and the stamped centre copy of the PDF, with Report.
 */
@Component({
  selector: 'ap-document-page',
  imports: [
    BodyDayPipe,
    CalendarDatePipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    DocumentStatusChipComponent,
  ],
  templateUrl: './document-page.component.html',
  styleUrl: './document-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly route = inject(ActivatedRoute);

  readonly stamp = CENTRE_COPY_STAMP;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly statusLabels = DOCUMENT_STATUS_LABELS;

  readonly document = signal<DocumentDetail | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly notFound = signal(false);

  /** The stamped PDF (same origin), for the frame and the "Open in a new tab" link. */
  readonly viewUrl = computed(() => {
    const document = this.document();
    return document ? this.api.documentViewUrl(document.id) : null;
  });
  readonly frameUrl = computed<SafeResourceUrl | null>(() => {
    const url = this.viewUrl();
    // A constant path of this origin built from a numeric id: safe to frame.
    return url ? this.sanitizer.bypassSecurityTrustResourceUrl(url) : null;
  });

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => void this.load());
  }

  async load(): Promise<void> {
    const id = numberAttribute(this.route.snapshot.paramMap.get('id'), NaN);
    this.loading.set(true);
    this.loadError.set(null);
    this.notFound.set(false);
    try {
      if (!Number.isInteger(id) || id < 1) {
        this.document.set(null);
        this.notFound.set(true);
        return;
      }
      this.document.set(await firstValueFrom(this.api.getDocument(id)));
    } catch (error) {
      this.document.set(null);
      if (apiStatus(error) === 404) {
        this.notFound.set(true);
      } else {
        this.loadError.set(apiErrorMessage(error, 'The document could not be loaded.'));
      }
    } finally {
      this.loading.set(false);
    }
  }

  report(): void {
    const document = this.document();
    if (!document) {
      return;
    }
    openReportIssueDialog(this.dialog, document)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((report) => {
        if (report) {
          this.document.update((current) => (current ? { ...current, openReportCount: current.openReportCount + 1 } : current));
        }
      });
  }
}
