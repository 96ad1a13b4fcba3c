import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, inject, Injector, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DEFAULT_COUNTRY, normalisePostcode, Profile, PROFILE_NOTICE, ROLE_LABELS, UpdateProfileRequest } from '@achievement/contracts';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom, merge } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { SessionService } from '../session/session.service';
import { ChangePasswordComponent } from './change-password.component';
import {
  ADDRESS_LINE_MAX_LENGTH,
  apiErrorMessage,
  maxTrimmedLength,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  phoneNumber,
  postcodeFor,
  recheckPostcodeOnCountry,
  requiredText,
  serverError,
  showServerFieldErrors,
} from '@achievement/web';
import { PersonNameFieldsComponent, PostalAddressFieldsComponent } from '@achievement/web-material';

/** The address fields a person types; the country is a select with a default, so it alone is no address. */
const ADDRESS_TEXT_FIELDS = ['addressLine1', 'addressLine2', 'town', 'postcode'] as const;

/** An address is all or nothing: once any line of it is filled, this field is needed too. */
const neededForAddress: ValidatorFn = (control: AbstractControl) => {
  const parent = control.parent;
  if (!parent || String(control.value ?? '').trim() !== '') return null;
  const hasAddress = ADDRESS_TEXT_FIELDS.some((field) => String(parent.get(field)?.value ?? '').trim() !== '');
  return hasAddress ? { neededForAddress: true } : null;
};

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * "View and Edit My Profile" (every signed-in role): the account's details, the person's own
 * details and address, and the Manage section (change password, sign out everywhere).
 */
@Component({
  selector: 'ap-profile-page',
  imports: [
    PersonNameFieldsComponent,
    PostalAddressFieldsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ChangePasswordComponent,
  ],
  templateUrl: './profile-page.component.html',
  styleUrl: './profile-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  readonly serverError = serverError;
  readonly roleLabels = ROLE_LABELS;

  readonly profile = signal<Profile | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly signingOut = signal(false);
  readonly signOutError = signal<string | null>(null);
  readonly notice = computed(() => this.profile()?.notice || PROFILE_NOTICE);
  readonly addressNames = { line1: 'addressLine1', line2: 'addressLine2' };
  /** The country held before, offered even when it is not in the list. */
  readonly heldCountry = computed(() => this.profile()?.country ?? null);

  readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    lastName: ['', [requiredText, maxTrimmedLength(NAME_MAX_LENGTH)]],
    phone: ['', [phoneNumber, maxTrimmedLength(PHONE_MAX_LENGTH)]],
    jobTitle: ['', [maxTrimmedLength(NAME_MAX_LENGTH)]],
    addressLine1: ['', [neededForAddress, maxTrimmedLength(ADDRESS_LINE_MAX_LENGTH)]],
    addressLine2: ['', [maxTrimmedLength(ADDRESS_LINE_MAX_LENGTH)]],
    town: ['', [neededForAddress, maxTrimmedLength(NAME_MAX_LENGTH)]],
    postcode: ['', [neededForAddress, postcodeFor()]],
    country: [DEFAULT_COUNTRY],
  });

  constructor() {
    // A change to one line of the address re-checks which of the others are needed.
    const controls = this.form.controls;
    merge(...ADDRESS_TEXT_FIELDS.map((field) => controls[field].valueChanges))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        for (const field of ['addressLine1', 'town', 'postcode'] as const) {
          controls[field].updateValueAndValidity({ emitEvent: false });
        }
      });
    recheckPostcodeOnCountry(this.form);
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.show(await firstValueFrom(this.api.getProfile()));
      // /profile#manage (the dashboard's "Manage"): the Manage section, once it is shown
      if (this.route.snapshot.fragment === 'manage') {
        afterNextRender(() => document.getElementById('manage-title')?.focus(), { injector: this.injector });
      }
    } catch (error) {
      this.loadError.set(apiErrorMessage(error, 'Your profile could not be loaded.'));
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
    this.saving.set(true);
    this.saveError.set(null);
    try {
      this.show(await firstValueFrom(this.api.updateProfile(this.changes())));
      this.snackBar.open('Your profile has been saved.', 'Close', { duration: 6000 });
      // The top bar shows the name from the session.
      await this.session.refresh();
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.saveError.set(apiErrorMessage(error, 'Your profile could not be saved. Try again in a moment.'));
    } finally {
      this.saving.set(false);
    }
  }

  async signOutEverywhere(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    this.signOutError.set(null);
    try {
      await this.session.signOutEverywhere();
      this.snackBar.open('You have been signed out on every device.', 'Close', { duration: 6000 });
      await this.router.navigateByUrl('/sign-in');
    } catch (error) {
      this.signOutError.set(apiErrorMessage(error, 'Signing out everywhere did not work. Try again in a moment.'));
    } finally {
      this.signingOut.set(false);
    }
  }

  /** The request: every editable field, with empty optional ones as null and the address all or nothing. */
  private changes(): UpdateProfileRequest {
    const value = this.form.getRawValue();
    const hasAddress = ADDRESS_TEXT_FIELDS.some((field) => value[field].trim() !== '');
    return {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      phone: orNull(value.phone),
      jobTitle: orNull(value.jobTitle),
      addressLine1: hasAddress ? orNull(value.addressLine1) : null,
      addressLine2: hasAddress ? orNull(value.addressLine2) : null,
      town: hasAddress ? orNull(value.town) : null,
      postcode: hasAddress ? orNull(normalisePostcode(value.postcode, value.country)) : null,
      country: hasAddress ? value.country || DEFAULT_COUNTRY : null,
    };
  }

  private show(profile: Profile): void {
    this.profile.set(profile);
    this.form.reset({
      firstName: profile.firstName,
      lastName: profile.lastName,
      phone: profile.phone ?? '',
      jobTitle: profile.jobTitle ?? '',
      addressLine1: profile.addressLine1 ?? '',
      addressLine2: profile.addressLine2 ?? '',
      town: profile.town ?? '',
      postcode: profile.postcode ?? '',
      country: profile.country ?? DEFAULT_COUNTRY,
    });
  }
}
