import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { AdminJobDocument, DOCUMENT_TYPE_LABELS, JobStatus } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AdminApiClient } from '../api/admin-api.client';
import { DOCUMENT_STATUS_LABELS } from '../reports/report-labels';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/**
 * The documents of one job, in the order they were issued: number, learner, qualification, type,
 * status and whether each is rendered, with a link to its public verification page. A list of
 * stacked rows, so it reads on a phone as on a desktop.
 */
@Component({
  selector: 'adm-job-documents',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './job-documents.component.html',
  styleUrls: ['../shared/list-page.scss', './job-documents.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobDocumentsComponent {
  private readonly api = inject(AdminApiClient);

  readonly jobId = input.required<number>();
  /** The job's status: the list is read again when it changes (e.g. once the job is issued, every PDF is rendered). */
  readonly jobStatus = input<JobStatus | null>(null);

  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly statusLabels = DOCUMENT_STATUS_LABELS;
  readonly list = new KeysetList<AdminJobDocument>(
    (cursor) => this.api.listJobDocuments(this.jobId(), cursor, LIST_PAGE_SIZE),
    "The job's documents could not be loaded.",
    inject(DestroyRef),
  );

  constructor() {
    effect(() => {
      this.jobId();
      this.jobStatus();
      untracked(() => this.list.reload());
    });
  }

  verifyHref(document: AdminJobDocument): string {
    return `/verify/${encodeURIComponent(document.verificationCode)}`;
  }
}
