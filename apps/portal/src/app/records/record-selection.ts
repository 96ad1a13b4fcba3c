import { computed, signal } from '@angular/core';
import { MAX_SELECTION, RecordFilter, RecordSelection } from '@achievement/contracts';

/**
 * The rows ticked on Records: either listed ids, or "every record matching the filter" (after
 * "Select all N matching") less the rows unticked since. What the API receives is a
 * RecordSelection: { ids } or { filter, exceptIds }.
 */
export class RecordSelectionModel {
  private readonly ids = signal<ReadonlySet<number>>(new Set());
  private readonly matching = signal<{ filter: RecordFilter; total: number } | null>(null);
  private readonly exceptIds = signal<ReadonlySet<number>>(new Set());

  /** True after "Select all N matching". */
  readonly allMatching = computed(() => this.matching() !== null);

  /** How many records are selected. */
  readonly count = computed(() => {
    const matching = this.matching();
    return matching ? Math.max(0, matching.total - this.exceptIds().size) : this.ids().size;
  });

  /** More than one action may take (MAX_SELECTION). */
  readonly tooMany = computed(() => this.count() > MAX_SELECTION);

  /** What the API is sent, or null when nothing is selected. */
  readonly selection = computed<RecordSelection | null>(() => {
    if (this.count() === 0) {
      return null;
    }
    const matching = this.matching();
    if (matching) {
      return { filter: matching.filter, exceptIds: [...this.exceptIds()] };
    }
    return { ids: [...this.ids()] };
  });

  isSelected(id: number): boolean {
    return this.matching() ? !this.exceptIds().has(id) : this.ids().has(id);
  }

  toggle(id: number): void {
    this.set([id], !this.isSelected(id));
  }

  /** Ticks (or unticks) the given rows, e.g. every row shown. */
  set(ids: readonly number[], selected: boolean): void {
    if (this.matching()) {
      this.exceptIds.update((except) => changed(except, ids, !selected));
    } else {
      this.ids.update((current) => changed(current, ids, selected));
    }
  }

  /** Every record matching `filter` (`total` of them, from GET /api/records/count). */
  selectAllMatching(filter: RecordFilter, total: number): void {
    this.matching.set({ filter: { ...filter }, total });
    this.exceptIds.set(new Set());
    this.ids.set(new Set());
  }

  clear(): void {
    this.matching.set(null);
    this.exceptIds.set(new Set());
    this.ids.set(new Set());
  }
}

function changed(set: ReadonlySet<number>, ids: readonly number[], add: boolean): ReadonlySet<number> {
  const next = new Set(set);
  for (const id of ids) {
    if (add) {
      next.add(id);
    } else {
      next.delete(id);
    }
  }
  return next;
}
