import { RecordSelectionModel } from './record-selection';

describe('RecordSelectionModel', () => {
  it('sends the ticked ids', () => {
    const selection = new RecordSelectionModel();
    selection.toggle(3);
    selection.set([4, 5], true);
    selection.toggle(4);

    expect(selection.count()).toBe(2);
    expect(selection.isSelected(3)).toBe(true);
    expect(selection.isSelected(4)).toBe(false);
    expect(selection.selection()).toEqual({ ids: [3, 5] });
  });

  it('sends nothing when nothing is ticked', () => {
    const selection = new RecordSelectionModel();
    selection.toggle(3);
    selection.toggle(3);

    expect(selection.count()).toBe(0);
    expect(selection.selection()).toBeNull();
  });

  it('selects every matching record with "select all", less the rows unticked afterwards', () => {
    const selection = new RecordSelectionModel();
    selection.toggle(1);
    selection.selectAllMatching({ name: 'smith', status: 'valid' }, 240);

    expect(selection.allMatching()).toBe(true);
    expect(selection.count()).toBe(240);
    expect(selection.isSelected(999)).toBe(true);
    expect(selection.selection()).toEqual({ filter: { name: 'smith', status: 'valid' }, exceptIds: [] });

    selection.toggle(7);
    selection.set([8, 9], false);
    selection.set([9], true);
    expect(selection.isSelected(7)).toBe(false);
    expect(selection.count()).toBe(238);
    expect(selection.selection()).toEqual({ filter: { name: 'smith', status: 'valid' }, exceptIds: [7, 8] });
  });

  it('keeps its own copy of the filter of "select all"', () => {
    const selection = new RecordSelectionModel();
    const filter: { name?: string } = { name: 'smith' };
    selection.selectAllMatching(filter, 10);
    filter.name = 'jones';

    expect(selection.selection()).toEqual({ filter: { name: 'smith' }, exceptIds: [] });
  });

  it('starts again on clear', () => {
    const selection = new RecordSelectionModel();
    selection.selectAllMatching({}, 10);
    selection.toggle(1);
    selection.clear();

    expect(selection.allMatching()).toBe(false);
    expect(selection.count()).toBe(0);
    expect(selection.selection()).toBeNull();
  });

  it('says when the selection is larger than one action may take', () => {
    const selection = new RecordSelectionModel();
    selection.selectAllMatching({}, 10_001);
    expect(selection.tooMany()).toBe(true);
    selection.toggle(1);
    expect(selection.tooMany()).toBe(false);
  });
});
