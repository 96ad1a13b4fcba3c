import { ChangeDetectionStrategy, Component, effect, inject, input, model, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CentreSummary } from '@achievement/contracts';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';

/** A centre as a picker shows and gives it. */
export type CentreRef = Pick<CentreSummary, 'id' | 'number' | 'name'>;

/** How many centres the suggestions list. */
export const CENTRE_SUGGESTIONS = 10;
/** How long typing pauses before the centres are searched. */
export const CENTRE_SEARCH_DELAY_MS = 250;

const centreLabel = (centre: CentreRef) => `${centre.number} – ${centre.name}`;

/**
 * Chooses one centre by typing part of its name or the start of its number (GET
 * /api/admin/centres?q=): a Material autocomplete. `centre` is the chosen one (two-way), null
 * while none is; with `required`, an unchosen picker shows "Choose the centre" once touched.
 */
@Component({
  selector: 'adm-centre-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field [subscriptSizing]="subscriptSizing()" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="text" autocomplete="off" [formControl]="control" [matAutocomplete]="auto" [required]="required()" [attr.data-testid]="testId()" />
      @if (centre()) {
        <button mat-icon-button matSuffix type="button" [attr.aria-label]="'Clear ' + label()" (click)="clear()">
          <mat-icon aria-hidden="true" svgIcon="close"></mat-icon>
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="chosen($event)">
        @if (searchFailed()) {
          <mat-option disabled>The centres could not be searched. Type again to retry.</mat-option>
        }
        @for (option of options(); track option.id) {
          <mat-option [value]="option">{{ display(option) }}</mat-option>
        } @empty {
          @if (searched() && !searchFailed()) {
            <mat-option disabled>No centre matches “{{ searched() }}”</mat-option>
          }
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      @if (control.hasError('required')) {
        <mat-error>Choose the centre</mat-error>
      } @else if (control.hasError('notChosen')) {
        <mat-error>Choose a centre from the list</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .picker {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CentrePickerComponent {
  private readonly api = inject(AdminApiClient);

  readonly label = input('Centre');
  readonly hint = input('Type part of its name or the start of its number');
  readonly required = input(false);
  readonly subscriptSizing = input<'fixed' | 'dynamic'>('fixed');
  readonly testId = input<string | null>(null);
  /** The chosen centre (null: none). */
  readonly centre = model<CentreRef | null>(null);

  readonly options = signal<CentreRef[]>([]);
  /** The text last searched for, once its answer is in. */
  readonly searched = signal('');
  readonly searchFailed = signal(false);
  readonly display = (value: CentreRef | string | null): string => (value && typeof value === 'object' ? centreLabel(value) : (value ?? ''));

  /** The text typed, or the centre chosen from the list. */
  readonly control = new FormControl<CentreRef | string>('', {
    nonNullable: true,
    validators: (control: AbstractControl): ValidationErrors | null => {
      const value = control.value as CentreRef | string;
      if (typeof value === 'object') return null;
      if (value.trim() !== '') return { notChosen: true };
      return this.required() ? { required: true } : null;
    },
  });

  constructor() {
    this.control.valueChanges
      .pipe(
        tap((value) => {
          // Typing after a choice undoes it.
          if (typeof value === 'string' && this.centre()) this.centre.set(null);
        }),
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(CENTRE_SEARCH_DELAY_MS),
        distinctUntilChanged(),
        switchMap((q) =>
          this.api.listCentres({ q, limit: CENTRE_SUGGESTIONS }).pipe(
            map((page) => ({ q, centres: page.items.map(({ id, number, name }): CentreRef => ({ id, number, name })), failed: false })),
            catchError(() => of({ q, centres: [] as CentreRef[], failed: true })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ q, centres, failed }) => {
        this.options.set(centres);
        this.searched.set(q);
        this.searchFailed.set(failed);
      });

    // A centre set from outside (a filter restored, the form reset) shows in the field.
    effect(() => {
      const centre = this.centre();
      const value = this.control.value;
      if (centre && (typeof value !== 'object' || value.id !== centre.id)) {
        this.control.setValue(centre, { emitEvent: false });
      } else if (!centre && typeof value === 'object') {
        this.control.setValue('', { emitEvent: false });
      }
    });
  }

  /** Shows "Choose the centre" when nothing is chosen (on submitting a form). */
  markAsTouched(): void {
    this.control.updateValueAndValidity({ emitEvent: false });
    this.control.markAsTouched();
  }

  chosen(event: MatAutocompleteSelectedEvent): void {
    this.centre.set(event.option.value as CentreRef);
  }

  clear(): void {
    this.control.setValue('', { emitEvent: false });
    this.centre.set(null);
  }
}
