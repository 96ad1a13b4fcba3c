import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, numberAttribute, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ORDER_STATUS_LABELS, ORDER_STATUS_MOVES, OrderDetail, OrderStatus, PostalAddress, SetOrderStatusRequest } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom, startWith, Subscription } from 'rxjs';
import { CommerceAdminApiService } from './commerce-admin-api.service';
import { addressLines, paymentMethodLabel } from './order-labels';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage, apiStatus, formatPence, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/** The API's longest tracking reference and note. */
export const TRACKING_REFERENCE_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 500;

/** One order for fulfilment: what to print and where to send it, and its status (allowed moves only). */
@Component({
  selector: 'adm-order-page',
  imports: [
    BodyTimePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OrderStatusChipComponent,
  ],
  template: `
    <section class="page" data-testid="order" aria-labelledby="order-title">
      <a mat-button routerLink="..">
        <mat-icon aria-hidden="true" svgIcon="arrow_back"></mat-icon>
        Orders
      </a>
      <div class="progress" aria-live="polite">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the order" />
        }
      </div>
      @if (error(); as message) {
        <div class="error" role="alert" data-testid="order-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="load()">Retry</button>
        </div>
      }

      @if (order(); as o) {
        <div class="heading">
          <h1 id="order-title">Order {{ o.number }}</h1>
          <adm-order-status-chip [status]="o.status" />
        </div>
        <dl class="facts">
          <dt>Placed</dt>
          <dd>{{ o.placedAt | bodyTime }} by {{ o.placedBy }}</dd>
          <dt>Centre</dt>
          <dd>{{ o.centre ? o.centre.number + ' ' + o.centre.name : '—' }}</dd>
          <dt>Payment</dt>
          <dd>{{ paymentLabel(o) }} · {{ money(o.total.grossPence) }} (VAT {{ money(o.total.vatPence) }})</dd>
          @if (o.lastPayment; as p) {
            <dt>Last payment attempt</dt>
            <dd>{{ p.detail }} ({{ p.at | bodyTime }})</dd>
          }
          <dt>Delivery</dt>
          <dd>{{ o.delivery.label }} · {{ money(o.delivery.price.grossPence) }}</dd>
          <dt>Tracking reference</dt>
          <dd data-testid="tracking-reference">
            {{ o.trackingReference ?? '—' }}
          </dd>
        </dl>

        @if (o.needsAttention) {
          <p class="failure" role="alert" data-testid="order-attention">
            Some documents of this order were revoked or superseded after it was placed. It cannot go into production or be dispatched until each flagged line
            gets the current version or is cancelled.
          </p>
        }
        <h2>Items</h2>
        <div class="table-wrap">
          <table class="lines">
            <caption class="cdk-visually-hidden">
              The items to print
            </caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Product</th>
                <th scope="col">Document</th>
                <th scope="col">Reason</th>
                <th scope="col">Copies</th>
                <th scope="col">Line total</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              @for (line of o.lines; track $index) {
                <tr data-testid="order-line">
                  <td>{{ line.learnerName }}</td>
                  <td>{{ line.productName }}</td>
                  <td>
                    {{ line.documentNumber }}
                    <span class="muted">{{ line.qualificationTitle }}</span>
                  </td>
                  <td>{{ line.reason }}</td>
                  <td>{{ line.quantity }}</td>
                  <td>{{ money(line.line.grossPence) }}</td>
                  <td data-testid="line-check">
                    @if (line.cancelled) {
                      <span class="muted">Cancelled; {{ money(line.line.grossPence) }} given back</span>
                    } @else if (line.documentProblem; as problem) {
                      <span class="flag block" data-testid="line-problem">
                        {{ problem.status === 'revoked' ? 'Revoked' : 'Superseded by ' + (problem.currentDocumentNumber ?? 'a new version') }}
                      </span>
                      @if (problem.status === 'superseded' && problem.currentDocumentNumber) {
                        <button mat-stroked-button type="button" data-testid="replace-line" [disabled]="saving()" (click)="replaceLine(line.id)">
                          Use {{ problem.currentDocumentNumber }}
                        </button>
                      }
                      <button mat-stroked-button type="button" data-testid="cancel-line" [disabled]="saving()" (click)="cancelLine(line.id, problem.status)">
                        Cancel line
                      </button>
                    } @else if (line.replacesDocumentNumber) {
                      <span class="muted">Replaces {{ line.replacesDocumentNumber }}</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        <div class="addresses">
          <section aria-labelledby="delivery-title">
            <h2 id="delivery-title">Delivery address</h2>
            <address data-testid="delivery-address">
              @for (line of lines(o.deliveryAddress); track $index) {
                <span class="block">{{ line }}</span>
              }
            </address>
          </section>
          <section aria-labelledby="billing-title">
            <h2 id="billing-title">Billing address</h2>
            <address>
              @for (line of lines(o.billingAddress); track $index) {
                <span class="block">{{ line }}</span>
              }
            </address>
          </section>
        </div>

        <h2 id="status-title">Status</h2>
        @if (moves().length === 0) {
          <p class="muted" data-testid="no-moves">{{ statusLabel(o.status) }} is final: the status cannot change any more.</p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="setStatus()" class="status-form" aria-labelledby="status-title" novalidate>
            <mat-form-field>
              <mat-label>New status</mat-label>
              <mat-select formControlName="status" data-testid="new-status" required>
                @for (move of moves(); track move) {
                  <mat-option [value]="move">{{ statusLabel(move) }}</mat-option>
                }
              </mat-select>
              @if (form.controls.status.hasError('required')) {
                <mat-error>Choose the new status</mat-error>
              }
            </mat-form-field>
            @if (newStatus() === 'dispatched') {
              <mat-form-field>
                <mat-label>Tracking reference</mat-label>
                <input matInput formControlName="trackingReference" autocomplete="off" required data-testid="tracking-input" />
                @if (form.controls.trackingReference.hasError('required')) {
                  <mat-error>Enter the tracking reference of the parcel</mat-error>
                } @else if (form.controls.trackingReference.hasError('maxlength')) {
                  <mat-error>Enter at most {{ trackingMax }} characters</mat-error>
                } @else if (serverError(form.controls.trackingReference); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
            }
            <mat-form-field class="note">
              <mat-label>Note (optional)</mat-label>
              <textarea matInput formControlName="note" rows="2"></textarea>
              <mat-hint>Kept in the order's history; the customer is emailed about the change.</mat-hint>
              @if (form.controls.note.hasError('maxlength')) {
                <mat-error>Enter at most {{ noteMax }} characters</mat-error>
              } @else if (serverError(form.controls.note); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            @if (saveError(); as message) {
              <p class="failure" role="alert" data-testid="status-error">
                {{ message }}
              </p>
            }
            <div>
              <button mat-flat-button type="submit" [disabled]="saving()" data-testid="set-status">Set status</button>
            </div>
          </form>
        }

        <h2>History</h2>
        <ol class="history" data-testid="order-history">
          @for (entry of o.history; track $index) {
            <li>
              {{ entry.at | bodyTime }}
              <span class="strong">{{ statusLabel(entry.status) }}</span>
              @if (entry.note) {
                <span class="muted"> — {{ entry.note }}</span>
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .heading {
      justify-content: flex-start;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
    .lines {
      border-collapse: collapse;
      th,
      td {
        padding: 8px 12px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .addresses {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 48px;
      address {
        font-style: normal;
      }
    }
    .block {
      display: block;
    }
    .strong {
      font-weight: 500;
    }
    .status-form {
      display: flex;
      flex-direction: column;
      max-width: 480px;
    }
    .flag {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .failure {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderPageComponent implements OnInit {
  private readonly api = inject(CommerceAdminApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private request?: Subscription;

  readonly money = formatPence;
  readonly serverError = serverError;
  readonly trackingMax = TRACKING_REFERENCE_MAX_LENGTH;
  readonly noteMax = NOTE_MAX_LENGTH;
  readonly order = signal<OrderDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly moves = computed<OrderStatus[]>(() => {
    const order = this.order();
    return order ? ORDER_STATUS_MOVES[order.status] : [];
  });

  readonly form = new FormGroup({
    status: new FormControl<OrderStatus | null>(null, Validators.required),
    trackingReference: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, maxTrimmedLength(TRACKING_REFERENCE_MAX_LENGTH)],
    }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [maxTrimmedLength(NOTE_MAX_LENGTH)],
    }),
  });
  private readonly newStatusValue = signal<OrderStatus | null>(null);
  readonly newStatus = this.newStatusValue.asReadonly();

  constructor() {
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
    // The tracking reference is asked for (and required) only for "Dispatched".
    this.form.controls.trackingReference.disable();
    this.form.controls.status.valueChanges.pipe(startWith(null), takeUntilDestroyed(this.destroyRef)).subscribe((status) => {
      this.newStatusValue.set(status);
      if (status === 'dispatched') {
        this.form.controls.trackingReference.enable();
      } else {
        this.form.controls.trackingReference.disable();
      }
    });
  }

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.load());
  }

  load(): void {
    const id = numberAttribute(this.route.snapshot.paramMap.get('id'), NaN);
    this.request?.unsubscribe();
    this.error.set(null);
    this.loading.set(true);
    this.request = this.api.getOrder(id).subscribe({
      next: (order) => {
        this.order.set(order);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiStatus(error) === 404 ? 'There is no such order.' : apiErrorMessage(error, 'The order could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  statusLabel(status: OrderStatus): string {
    return ORDER_STATUS_LABELS[status];
  }

  paymentLabel(order: OrderDetail): string {
    return paymentMethodLabel(order.paymentMethod);
  }

  lines(address: PostalAddress): string[] {
    return addressLines(address);
  }

  replaceLine(lineId: number): Promise<void> {
    return this.changeLine(() => this.api.replaceOrderLine(this.order()!.id, lineId), 'The line now prints the current version of the document.');
  }

  cancelLine(lineId: number, why: 'revoked' | 'superseded'): Promise<void> {
    return this.changeLine(
      () => this.api.cancelOrderLine(this.order()!.id, lineId, `Document ${why}`),
      'The line is cancelled and its amount given back (credit account) or recorded as a card refund.',
    );
  }

  private async changeLine(change: () => ReturnType<CommerceAdminApiService['replaceOrderLine']>, done: string): Promise<void> {
    if (!this.order() || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      this.order.set(await firstValueFrom(change()));
      this.snackBar.open(done, 'Close', { duration: 8000 });
    } catch (error) {
      this.saveError.set(apiErrorMessage(error, 'The line could not be changed.'));
    } finally {
      this.saving.set(false);
    }
  }

  async setStatus(): Promise<void> {
    const order = this.order();
    if (!order || this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const status = value.status!;
    const request: SetOrderStatusRequest = { status };
    if (status === 'dispatched') request.trackingReference = value.trackingReference.trim();
    if (value.note.trim()) request.note = value.note.trim();
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const updated = await firstValueFrom(this.api.setOrderStatus(order.id, request));
      this.order.set(updated);
      this.form.reset({ status: null, trackingReference: '', note: '' });
      this.snackBar.open(`Order ${updated.number} is now ${ORDER_STATUS_LABELS[updated.status]}; the customer has been emailed.`, 'Close', {
        duration: 8000,
      });
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.saveError.set(apiErrorMessage(error, 'The status could not be changed.'));
    } finally {
      this.saving.set(false);
    }
  }
}
