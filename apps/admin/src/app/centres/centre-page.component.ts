import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CentreDetail, CreateCentreRequest, normalisePostcode } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { CentreContactsComponent } from './centre-contacts.component';
import {
  ADDRESS_LINE_MAX_LENGTH,
  apiErrorCode,
  apiErrorMessage,
  CENTRE_NAME_MAX_LENGTH,
  centreNumber,
  countryCode,
  emailAddress,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  normaliseCentreNumber,
  postcodeFor,
  recheckPostcodeOnCountry,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';
import { PostalAddressFieldsComponent } from '@achievement/web-material';

/**
 * A centre: "New centre" (centres/new) or one centre to edit (centres/:id) with its contact
 * records below. Credit (limit, open or not) is set on the centre's credit account, not here.
 */
@Component({
  selector: 'adm-centre-page',
  imports: [
    PostalAddressFieldsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    CentreContactsComponent,
  ],
  templateUrl: './centre-page.component.html',
  styleUrl: './centre-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CentrePageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  readonly serverError = serverError;
  /** The centre being edited; null for a new one (or while loading). */
  readonly centre = signal<CentreDetail | null>(null);
  /** The id in the address; null on centres/new. */
  readonly centreId = signal<number | null>(null);
  readonly isNew = computed(() => this.centreId() === null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    number: ['', [requiredText, centreNumber]],
    name: ['', [requiredText, maxTrimmedLength(CENTRE_NAME_MAX_LENGTH)]],
    centralEmail: ['', [requiredText, emailAddress]],
    addressLine1: ['', [requiredText, maxTrimmedLength(ADDRESS_LINE_MAX_LENGTH)]],
    addressLine2: ['', [maxTrimmedLength(ADDRESS_LINE_MAX_LENGTH)]],
    town: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    postcode: ['', [requiredText, postcodeFor()]],
    country: ['GB', [requiredText, countryCode]],
  });

  readonly addressNames = { line1: 'addressLine1', line2: 'addressLine2' };

  constructor() {
    recheckPostcodeOnCountry(this.form);
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const id = params.get('id');
      this.centreId.set(id === null ? null : Number(id));
      void this.load();
    });
  }

  async load(): Promise<void> {
    const id = this.centreId();
    this.centre.set(null);
    this.loadError.set(null);
    if (id === null) {
      return;
    }
    if (!Number.isInteger(id) || id < 1) {
      this.loadError.set('There is no centre at this address.');
      return;
    }
    this.loading.set(true);
    try {
      this.show(await firstValueFrom(this.api.getCentre(id)));
    } catch (error) {
      this.loadError.set(apiErrorMessage(error, 'The centre could not be loaded.'));
    } finally {
      this.loading.set(false);
    }
  }

  async save(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.saveError.set('Check the details marked below.');
      return;
    }
    const request = this.request();
    const id = this.centreId();
    this.saving.set(true);
    this.saveError.set(null);
    try {
      if (id === null) {
        const created = await firstValueFrom(this.api.createCentre(request));
        this.snackBar.open(`Centre ${created.number} ${created.name} has been created.`, 'Close', { duration: 6000 });
        await this.router.navigate(['..', created.id], { relativeTo: this.route, replaceUrl: true });
      } else {
        this.show(await firstValueFrom(this.api.updateCentre(id, request)));
        this.snackBar.open('The centre has been saved.', 'Close', { duration: 6000 });
      }
    } catch (error) {
      this.failed(error);
    } finally {
      this.saving.set(false);
    }
  }

  private failed(error: unknown): void {
    const message = apiErrorMessage(error, 'The centre could not be saved. Try again.');
    const shown = showServerFieldErrors(this.form, error, {});
    if (!shown && apiErrorCode(error) === 'CENTRE_NUMBER_TAKEN') {
      // Another centre has the number.
      const number = this.form.controls.number;
      number.setErrors({ ...(number.errors ?? {}), server: message });
      number.markAsTouched();
    }
    this.saveError.set(message);
  }

  private request(): CreateCentreRequest {
    const value = this.form.getRawValue();
    return {
      number: normaliseCentreNumber(value.number),
      name: value.name.trim(),
      centralEmail: value.centralEmail.trim(),
      addressLine1: value.addressLine1.trim(),
      addressLine2: value.addressLine2.trim() || null,
      town: value.town.trim(),
      postcode: normalisePostcode(value.postcode, value.country),
      country: value.country.trim().toUpperCase(),
    };
  }

  private show(centre: CentreDetail): void {
    this.centre.set(centre);
    this.form.reset({
      number: centre.number,
      name: centre.name,
      centralEmail: centre.centralEmail,
      addressLine1: centre.addressLine1,
      addressLine2: centre.addressLine2 ?? '',
      town: centre.town,
      postcode: centre.postcode,
      country: centre.country,
    });
  }
}
