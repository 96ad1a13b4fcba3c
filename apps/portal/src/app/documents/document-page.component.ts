import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CENTRE_COPY_STAMP, DOCUMENT_TYPE_LABELS } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { DocumentStatusChipComponent } from './document-status-chip.component';
import { DOCUMENT_STATUS_LABELS } from './document-status';
import { openReportIssueDialog } from './report-issue-dialog.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { apiRequest, CalendarDatePipe, routeId } from '@achievement/web';

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
export class DocumentPageComponent {
  private readonly api = inject(PortalApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly destroyRef = inject(DestroyRef);

  readonly stamp = CENTRE_COPY_STAMP;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly statusLabels = DOCUMENT_STATUS_LABELS;

  /** The document's id from the address; undefined when it is not a positive whole number. */
  private readonly validId = routeId();
  private readonly request = apiRequest({
    params: () => this.validId(),
    load: (id: number) => this.api.getDocument(id),
    failure: 'The document could not be loaded.',
  });
  readonly document = this.request.value;
  readonly loading = this.request.loading;
  readonly loadError = this.request.error;
  readonly notFound = computed(() => this.validId() === undefined || this.request.notFound());

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

  /** Retry, and Check again while the file is being prepared. */
  load(): void {
    this.request.retry();
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
          this.request.update((current) => ({ ...current, openReportCount: current.openReportCount + 1 }));
        }
      });
  }
}
