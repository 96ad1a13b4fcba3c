import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EmailStatus } from '@achievement/contracts';
import { MatChipsModule } from '@angular/material/chips';
import { EMAIL_STATUS_LABELS } from './email-status';

/** An email's delivery status as a chip, coloured by outcome (the label always says it too). */
@Component({
  selector: 'adm-email-status-chip',
  imports: [MatChipsModule],
  template: `
    <mat-chip-set>
      <mat-chip [disableRipple]="true" [class]="'status status--' + status()">{{ label() }}</mat-chip>
    </mat-chip-set>
  `,
  styles: `
    .status {
      --mat-chip-label-text-color: var(--mat-sys-on-surface);
      --mat-chip-elevated-container-color: var(--mat-sys-surface-container-high);
      --mat-chip-outline-color: transparent;
    }
    .status--sent,
    .status--captured {
      --mat-chip-elevated-container-color: #c8e6c9;
      --mat-chip-label-text-color: #1b5e20;
    }
    .status--failed {
      --mat-chip-elevated-container-color: var(--mat-sys-error-container);
      --mat-chip-label-text-color: var(--mat-sys-on-error-container);
    }
    .status--pending,
    .status--sending {
      --mat-chip-elevated-container-color: #fff3c4;
      --mat-chip-label-text-color: #5d4200;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailStatusChipComponent {
  readonly status = input.required<EmailStatus>();
  readonly label = computed(() => EMAIL_STATUS_LABELS[this.status()]);
}
