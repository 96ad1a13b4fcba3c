import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { bodyDayText, LearnerConnection, LearnerDocument } from '@achievement/contracts';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom, Observable } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { documentCount, documentName } from './access-length';
import { confirmConnectionAction } from './confirm-connection-action-dialog.component';
import { openConnectionDialog } from './connection-dialog.component';
import { ConnectionStatusChipComponent } from './connection-status-chip.component';
import { openConnectionViewsDialog } from './connection-views-dialog.component';
import { LoadedList } from './loaded-list';
import { apiErrorMessage } from '@achievement/web';

/**
 * Connections (/learner/connections): the third parties the learner shares documents with, and the
 * requests waiting for an answer. Add Connection invites someone; a pending request is accepted
 * (the tick: choose documents and how long) or declined; an active connection is edited, ended,
 * or its views listed. Every action says what happened in a snack bar.
 */
@Component({
  selector: 'ap-connections-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MatTooltipModule, ConnectionStatusChipComponent],
  template: `
    <section class="page" data-testid="connections" aria-labelledby="connections-title">
      <div class="heading">
        <h1 id="connections-title">Connections</h1>
        <button mat-flat-button type="button" [disabled]="!documents.loaded()" (click)="add()" data-testid="add-connection">
          <mat-icon aria-hidden="true" svgIcon="person_add"></mat-icon>
          Add Connection
        </button>
      </div>
      <p class="intro">
        People and organisations you share <a routerLink="/learner">your documents</a> with, and requests from those who asked to see them. They see only the
        documents you choose, until access ends.
      </p>

      <div class="progress" aria-live="polite">
        @if (connections.loading() || documents.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading your connections" />
        }
      </div>

      @for (message of [connections.error(), documents.error()]; track $index) {
        @if (message) {
          <div class="error" role="alert" data-testid="connections-error">
            <p>{{ message }}</p>
            <button mat-stroked-button type="button" (click)="retry()">
              <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
              Retry
            </button>
          </div>
        }
      }

      @if (connections.loaded() && connections.items().length === 0 && !connections.error()) {
        <p class="empty" data-testid="connections-empty">
          You have no connections yet. Click Add Connection to share your documents with an employer or anyone else who needs to check them.
        </p>
      }

      @if (connections.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="connections.items()" class="connections stack-on-phone">
            <caption class="cdk-visually-hidden">
              Your connections: pending requests first, then the rest, newest first
            </caption>
            <ng-container matColumnDef="thirdParty">
              <th mat-header-cell *matHeaderCellDef scope="col">Third party</th>
              <td mat-cell data-label="Third party" *matCellDef="let c">
                <span class="strong" data-testid="connection-name">{{ c.thirdParty.name }}</span>
                <span class="muted block">{{ c.thirdParty.email }}</span>
                @if (c.thirdParty.organisation) {
                  <span class="muted block">{{ c.thirdParty.organisation }}</span>
                }
                @if (c.status === 'pending' && c.origin === 'third_party') {
                  <span class="block request" data-testid="connection-request">
                    Asked to see your documents{{ c.message ? ': “' + c.message + '”' : '' }}
                  </span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell data-label="Status" *matCellDef="let c">
                <ap-connection-status-chip [status]="c.status" />
                @if (c.status === 'active' && !c.thirdPartyJoined) {
                  <span class="muted block" data-testid="connection-not-joined">Not registered yet</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="documents">
              <th mat-header-cell *matHeaderCellDef scope="col">Documents shared</th>
              <td mat-cell data-label="Documents shared" *matCellDef="let c" data-testid="connection-documents">
                @if (c.documentIds.length === 0) {
                  <span class="muted">None</span>
                } @else {
                  <details>
                    <summary>{{ count(c.documentIds.length) }}</summary>
                    <ul class="names">
                      @for (id of c.documentIds; track id) {
                        <li>{{ nameOf(id) }}</li>
                      }
                    </ul>
                  </details>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="accessEnds">
              <th mat-header-cell *matHeaderCellDef scope="col">Access ends</th>
              <td mat-cell data-label="Access ends" *matCellDef="let c" data-testid="connection-access-ends">
                @if (c.accessEndsAt) {
                  <time [attr.datetime]="c.accessEndsAt">{{ c.accessEndsAt | bodyDay }}</time>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="views">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Views</th>
              <td mat-cell data-label="Views" *matCellDef="let c" class="number" data-testid="connection-views">{{ c.viewCount.toLocaleString('en-GB') }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let c" class="actions">
                @if (c.status === 'pending') {
                  <button
                    mat-icon-button
                    type="button"
                    matTooltip="Accept"
                    [attr.aria-label]="'Accept the request of ' + c.thirdParty.name"
                    [disabled]="busy() === c.id || !documents.loaded()"
                    (click)="accept(c)"
                    data-testid="connection-accept"
                  >
                    <mat-icon aria-hidden="true" svgIcon="check"></mat-icon>
                  </button>
                  <button
                    mat-icon-button
                    type="button"
                    matTooltip="Decline"
                    [attr.aria-label]="'Decline the request of ' + c.thirdParty.name"
                    [disabled]="busy() === c.id"
                    (click)="decline(c)"
                    data-testid="connection-decline"
                  >
                    <mat-icon aria-hidden="true" svgIcon="close"></mat-icon>
                  </button>
                } @else if (c.status === 'active') {
                  <button
                    mat-icon-button
                    type="button"
                    matTooltip="Edit"
                    [attr.aria-label]="'Edit the connection with ' + c.thirdParty.name"
                    [disabled]="busy() === c.id || !documents.loaded()"
                    (click)="edit(c)"
                    data-testid="connection-edit"
                  >
                    <mat-icon aria-hidden="true" svgIcon="edit"></mat-icon>
                  </button>
                  <button
                    mat-icon-button
                    type="button"
                    matTooltip="End access"
                    [attr.aria-label]="'End the access of ' + c.thirdParty.name"
                    [disabled]="busy() === c.id"
                    (click)="end(c)"
                    data-testid="connection-end"
                  >
                    <mat-icon aria-hidden="true" svgIcon="link_off"></mat-icon>
                  </button>
                  <button
                    mat-icon-button
                    type="button"
                    matTooltip="Views"
                    [attr.aria-label]="'Views by ' + c.thirdParty.name"
                    (click)="showViews(c)"
                    data-testid="connection-views-open"
                  >
                    <mat-icon aria-hidden="true" svgIcon="visibility"></mat-icon>
                  </button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" data-testid="connection-row"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: '../records/list-page.scss',
  styles: `
    .connections {
      width: 100%;
      min-width: 860px;
    }
    .strong {
      font-weight: 500;
    }
    .block {
      display: block;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .request {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
      max-width: 320px;
    }
    .names {
      margin: 4px 0 0;
      padding-inline-start: 18px;
      font: var(--mat-sys-body-small);
    }
    summary {
      cursor: pointer;
    }
    .actions {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionsPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly columns = ['thirdParty', 'status', 'documents', 'accessEnds', 'views', 'actions'];
  readonly count = documentCount;
  readonly connections = new LoadedList<LearnerConnection>(() => this.api.listLearnerConnections(), 'Your connections could not be loaded.', this.destroyRef);
  readonly documents = new LoadedList<LearnerDocument>(() => this.api.listLearnerDocuments(), 'Your documents could not be loaded.', this.destroyRef);
  private readonly documentsById = computed(() => new Map(this.documents.items().map((doc) => [doc.id, doc])));
  /** The connection an action is being sent for. */
  readonly busy = signal<number | null>(null);

  ngOnInit(): void {
    this.connections.reload();
    this.documents.reload();
  }

  retry(): void {
    if (this.connections.error()) this.connections.reload();
    if (this.documents.error()) this.documents.reload();
  }

  nameOf(documentId: number): string {
    const doc = this.documentsById().get(documentId);
    return doc ? documentName(doc) : `Document ${documentId}`;
  }

  async add(): Promise<void> {
    const added = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'add', documents: this.documents.items() }));
    if (added) {
      // After the pending requests, as the API orders them (newest first).
      this.connections.items.update((items) => {
        const pending = items.filter((c) => c.status === 'pending');
        return [...pending, added, ...items.filter((c) => c.status !== 'pending')];
      });
      this.say(
        `You shared ${documentCount(added.documentIds.length)} with ${added.thirdParty.name}. We have emailed them a link to see ${added.documentIds.length === 1 ? 'it' : 'them'}.`,
      );
    }
  }

  async accept(connection: LearnerConnection): Promise<void> {
    const accepted = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'accept', documents: this.documents.items(), connection }));
    if (accepted) {
      this.put(accepted);
      this.say(`You accepted the request of ${accepted.thirdParty.name}: they can see ${documentCount(accepted.documentIds.length)}${this.until(accepted)}.`);
    }
  }

  async edit(connection: LearnerConnection): Promise<void> {
    const saved = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'edit', documents: this.documents.items(), connection }));
    if (saved) {
      this.put(saved);
      this.say(`Saved: ${saved.thirdParty.name} can see ${documentCount(saved.documentIds.length)}${this.until(saved)}.`);
    }
  }

  async decline(connection: LearnerConnection): Promise<void> {
    const others = this.othersOpenWith(connection);
    await this.confirmed(
      connection,
      {
        title: 'Decline the request?',
        message:
          `Nothing will be shared with ${connection.thirdParty.name} (${connection.thirdParty.email}) on this request. We will tell them you declined.` +
          (others ? ' What you share with them on your other connection stays shared until it ends.' : ''),
        confirmLabel: 'Decline',
      },
      () => this.api.declineConnection(connection.id),
      (declined) => `You declined the request of ${declined.thirdParty.name}.`,
    );
  }

  async end(connection: LearnerConnection): Promise<void> {
    const others = this.othersOpenWith(connection);
    await this.confirmed(
      connection,
      {
        title: 'End access?',
        message:
          `${connection.thirdParty.name} (${connection.thirdParty.email}) will no longer see the documents shared on this connection, from now on.` +
          (others ? ' They still see what you share with them on your other connection, until it ends.' : ''),
        confirmLabel: 'End access',
      },
      () => this.api.endConnection(connection.id),
      (ended) =>
        others
          ? `${ended.thirdParty.name} can no longer see the documents of this connection (your other connection with them is unchanged).`
          : `${ended.thirdParty.name} can no longer see your documents.`,
    );
  }

  /** Whether another connection with the same third party still shares (or waits for an answer), so that a message about this one stays true. */
  private othersOpenWith(connection: LearnerConnection): boolean {
    const email = connection.thirdParty.email.toLowerCase();
    const now = Date.now();
    return this.connections
      .items()
      .some(
        (c) =>
          c.id !== connection.id &&
          c.thirdParty.email.toLowerCase() === email &&
          c.status === 'active' &&
          c.accessEndsAt !== null &&
          new Date(c.accessEndsAt).getTime() > now,
      );
  }

  showViews(connection: LearnerConnection): void {
    openConnectionViewsDialog(this.dialog, connection);
  }

  /** Asks, then sends the action and puts the answer in place; a failure is said in the snack bar. */
  private async confirmed(
    connection: LearnerConnection,
    question: { title: string; message: string; confirmLabel: string },
    send: () => Observable<LearnerConnection>,
    done: (answer: LearnerConnection) => string,
  ): Promise<void> {
    if (!(await firstValueFrom(confirmConnectionAction(this.dialog, question)))) {
      return;
    }
    this.busy.set(connection.id);
    try {
      const answer = await firstValueFrom(send());
      this.put(answer);
      this.say(done(answer));
    } catch (error) {
      this.say(apiErrorMessage(error, 'That did not work. Try again in a moment.'));
      this.connections.reload();
    } finally {
      this.busy.set(null);
    }
  }

  private put(answer: LearnerConnection): void {
    this.connections.replace(
      (c) => c.id === answer.id,
      () => answer,
    );
  }

  private until(connection: LearnerConnection): string {
    return connection.accessEndsAt ? ` until ${bodyDayText(connection.accessEndsAt)}` : '';
  }

  private say(message: string): void {
    this.snackBar.open(message, 'Close', { duration: 10000 });
  }
}
