import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ImportContactsErrorBody, ImportRowError, IssueJobErrorBody } from '@achievement/contracts';
import { apiErrorBody, apiStatus } from '@achievement/web';
import { MatTableModule } from '@angular/material/table';

/**
 * The rowErrors of a 400 answer to a CSV upload (contacts import, a job), or null when the error
 * is of another kind or lists no row.
 */
export function rowErrorsOf(error: unknown): ImportRowError[] | null {
  if (apiStatus(error) === 400) {
    const body = apiErrorBody<ImportContactsErrorBody | IssueJobErrorBody>(error);
    if (body && Array.isArray(body.rowErrors) && body.rowErrors.length > 0) {
      return body.rowErrors;
    }
  }
  return null;
}

/**
 * The problems of an uploaded CSV file, line by line (the header is line 1), under a message that
 * says nothing was written: the table of the contacts import and of issuing a job.
 */
@Component({
  selector: 'adm-row-errors',
  imports: [MatTableModule],
  template: `
    <section [attr.aria-labelledby]="titleId">
      <p class="failure" role="alert" [id]="titleId">{{ message() }}</p>
      <div class="table-wrap">
        <table mat-table [dataSource]="rowErrors()">
          <caption class="cdk-visually-hidden">
            Problems of the file, by line (the header is line 1)
          </caption>
          <ng-container matColumnDef="line">
            <th mat-header-cell *matHeaderCellDef scope="col">Line</th>
            <td mat-cell *matCellDef="let e">{{ e.line }}</td>
          </ng-container>
          <ng-container matColumnDef="field">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ fieldHeading() }}</th>
            <td mat-cell *matCellDef="let e">
              <code>{{ e.field }}</code>
            </td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef scope="col">Problem</th>
            <td mat-cell *matCellDef="let e">{{ e.message }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let e; columns: columns" data-testid="row-error"></tr>
        </table>
      </div>
    </section>
  `,
  styles: `
    .failure {
      padding: 12px 16px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    table {
      width: 100%;
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowErrorsComponent {
  private static nextId = 0;

  readonly rowErrors = input.required<ImportRowError[]>();
  /** What happened and what to do, e.g. "Nothing was imported. Correct these lines and import the file again." */
  readonly message = input.required<string>();
  /** The heading of the column naming where on the line the problem is. */
  readonly fieldHeading = input('Field');

  readonly columns = ['line', 'field', 'message'];
  readonly titleId = `adm-row-errors-${RowErrorsComponent.nextId++}`;
}
