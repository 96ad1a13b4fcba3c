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
import { firstValueFrom, Observable, startWith, Subscription } from 'rxjs';
import { adminCommerceCancelLine, adminCommerceOrder, adminCommerceReplaceLine, adminCommerceSetStatus, Api } from '@achievement/web-api';
import { addressLines, paymentMethodLabel } from './order-labels';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorCode, apiErrorMessage, formatPence, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

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
  templateUrl: './order-page.component.html',
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
  private readonly api = inject(Api);
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
    this.request = this.api.invoke(adminCommerceOrder, { id }).subscribe({
      next: (order) => {
        this.order.set(order);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorCode(error) === 'ORDER_NOT_FOUND' ? 'There is no such order.' : apiErrorMessage(error, 'The order could not be loaded.'));
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
    return this.changeLine(
      () => this.api.invoke(adminCommerceReplaceLine, { id: this.order()!.id, lineId }),
      'The line now prints the current version of the document.',
    );
  }

  cancelLine(lineId: number, why: 'revoked' | 'superseded'): Promise<void> {
    return this.changeLine(
      () => this.api.invoke(adminCommerceCancelLine, { id: this.order()!.id, lineId, body: { reason: `Document ${why}` } }),
      'The line is cancelled and its amount given back (credit account) or recorded as a card refund.',
    );
  }

  private async changeLine(change: () => Observable<OrderDetail>, done: string): Promise<void> {
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
      const updated = await firstValueFrom(this.api.invoke(adminCommerceSetStatus, { id: order.id, body: request }));
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
