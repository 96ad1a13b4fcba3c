import { ageOf, parseUnits, splitLearnerName, unitsToText } from './report-labels';

describe('report labels', () => {
  it('says how old a report is in minutes, hours or days', () => {
    const now = new Date('2026-11-29T12:00:00.000Z');
    expect(ageOf('2026-11-29T11:59:30.000Z', now)).toBe('0 minutes');
    expect(ageOf('2026-11-29T11:59:00.000Z', now)).toBe('1 minute');
    expect(ageOf('2026-11-29T09:00:00.000Z', now)).toBe('3 hours');
    expect(ageOf('2026-11-28T11:00:00.000Z', now)).toBe('1 day');
    expect(ageOf('2026-11-01T12:00:00.000Z', now)).toBe('28 days');
  });

  it('splits a learner name: the last word is the last name', () => {
    expect(splitLearnerName('Mary Ann Smith')).toEqual({ firstName: 'Mary Ann', lastName: 'Smith' });
    expect(splitLearnerName(' Ada  Lovelace ')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(splitLearnerName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('writes units as lines and reads them back, with or without a code', () => {
    const units = [
      { code: 'F/601/2345', title: 'Health and safety' },
      { code: null, title: 'Engine systems: petrol and diesel' },
    ];
    expect(unitsToText(units)).toBe('F/601/2345: Health and safety\nEngine systems: petrol and diesel');
    expect(parseUnits('F/601/2345: Health and safety\n\n  Unit 4: Brakes \nTyres\n')).toEqual([
      { code: 'F/601/2345', title: 'Health and safety' },
      { code: null, title: 'Unit 4: Brakes' },
      { code: null, title: 'Tyres' },
    ]);
  });
});
