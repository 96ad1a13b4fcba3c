import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { AdminProduct, DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, DocumentType, SaveProductRequest } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { adminCommerceCreateProduct, adminCommerceSaveProduct, Api } from '@achievement/web-api';
import {
  apiErrorMessage,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  penceToPounds,
  poundsToPence,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';

/** The API's highest product price (excluding VAT): £1,000.00. */
export const MAX_PRODUCT_PRICE_PENCE = 100_000;
/** The longest description the page sends. */
export const DESCRIPTION_MAX_LENGTH = 500;

export interface ProductDialogData {
  /** The product to edit; absent to add one. */
  product?: AdminProduct;
}

/** A product code: 1-20 letters, digits and hyphens. */
function productCode(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  return value === '' || /^[A-Za-z0-9-]{1,20}$/.test(value) ? null : { code: true };
}

/** A price in pounds (at most two decimals) from £0 to £1,000. */
function price(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  if (value === '') return null;
  const pence = poundsToPence(value);
  if (pence === null) return { price: true };
  return pence > MAX_PRODUCT_PRICE_PENCE ? { tooHigh: true } : null;
}

function someType(control: AbstractControl): ValidationErrors | null {
  const value = control.value as Record<DocumentType, boolean>;
  return Object.values(value).some(Boolean) ? null : { noType: true };
}

/** Adds or edits a product of the Store; closes with the saved product. */
@Component({
  selector: 'adm-product-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  templateUrl: './product-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
    }
    .types {
      border: none;
      padding: 0;
      margin: 8px 0 16px;
      display: flex;
      flex-direction: column;
      legend {
        font: var(--mat-sys-title-small);
      }
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 0;
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
export class ProductDialogComponent {
  private readonly api = inject(Api);
  private readonly dialogRef = inject<MatDialogRef<ProductDialogComponent, AdminProduct>>(MatDialogRef);
  readonly data = inject<ProductDialogData>(MAT_DIALOG_DATA);

  readonly types = DOCUMENT_TYPES;
  readonly typeLabels = DOCUMENT_TYPE_LABELS;
  readonly nameMax = NAME_MAX_LENGTH;
  readonly descriptionMax = DESCRIPTION_MAX_LENGTH;
  readonly serverError = serverError;
  readonly saving = signal(false);
  readonly failure = signal<string | null>(null);

  private readonly product = this.data.product;
  readonly form = new FormGroup({
    code: new FormControl(this.product?.code ?? '', {
      nonNullable: true,
      validators: [requiredText, productCode],
    }),
    name: new FormControl(this.product?.name ?? '', {
      nonNullable: true,
      validators: [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)],
    }),
    description: new FormControl(this.product?.description ?? '', {
      nonNullable: true,
      validators: [requiredText, maxTrimmedLength(DESCRIPTION_MAX_LENGTH)],
    }),
    price: new FormControl(this.product ? penceToPounds(this.product.price.netPence) : '', { nonNullable: true, validators: [requiredText, price] }),
    documentTypes: new FormGroup(
      Object.fromEntries(
        DOCUMENT_TYPES.map((type) => [
          type,
          new FormControl(this.product?.documentTypes.includes(type) ?? false, {
            nonNullable: true,
          }),
        ]),
      ) as Record<DocumentType, FormControl<boolean>>,
      { validators: someType },
    ),
    active: new FormControl(this.product?.active ?? true, {
      nonNullable: true,
    }),
  });

  async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: SaveProductRequest = {
      code: value.code.trim(),
      name: value.name.trim(),
      description: value.description.trim(),
      pricePence: poundsToPence(value.price)!,
      documentTypes: DOCUMENT_TYPES.filter((type) => value.documentTypes[type]),
      active: value.active,
    };
    this.saving.set(true);
    this.failure.set(null);
    try {
      const saved = await firstValueFrom(
        this.product
          ? this.api.invoke(adminCommerceSaveProduct, { id: this.product.id, body: request })
          : this.api.invoke(adminCommerceCreateProduct, { body: request }),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      showServerFieldErrors(this.form, error, { pricePence: 'price' });
      this.failure.set(apiErrorMessage(error, 'The product could not be saved.'));
      this.saving.set(false);
    }
  }
}
