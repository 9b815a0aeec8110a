import type { FacilityFacts } from '@lib/standards';
import { changesSomething, proposedState } from './change-filing.js';

const facility: FacilityFacts = {
  kind: 'centre',
  servesMeals: false,
  floors: [1],
  indoorAreaM2: 100,
  outdoorAreaM2: 60,
  exitCount: 2,
  surveillance: true,
  documents: [],
};
const classes = [{ id: 'a', name: '托小一班', ageGroup: 'toddler' as const, places: 15, enrolled: 10 }];

describe('the state a change filing proposes', () => {
  it('merges the fields and adds, changes and removes classes', () => {
    const p = proposedState(facility, classes, {
      facility: { floors: [1, 2], indoorAreaM2: 200 },
      classes: [
        { op: 'update', classId: 'a', places: 12 },
        { op: 'add', name: '托大一班', ageGroup: 'preschool', places: 20 },
      ],
    });
    expect(p.invalid).toEqual([]);
    expect(p.facility).toMatchObject({ floors: [1, 2], indoorAreaM2: 200, exitCount: 2 });
    expect(p.classes).toEqual([
      { id: 'a', name: '托小一班', ageGroup: 'toddler', places: 12, enrolled: 10 },
      { id: 'new-1', name: '托大一班', ageGroup: 'preschool', places: 20, enrolled: 0 },
    ]);
    expect(proposedState(facility, classes, { facility: {}, classes: [{ op: 'remove', classId: 'a' }] }).classes).toEqual([]);
  });
  it('names a class of another facility and a new class without its fields', () => {
    const p = proposedState(facility, classes, {
      facility: {},
      classes: [
        { op: 'update', classId: 'zzz', places: 3 },
        { op: 'add', name: 'x' },
      ],
    });
    expect(p.invalid.map((v) => `${v.field}:${v.code}`)).toEqual([
      'classes[0].classId:unknown_class',
      'classes[1].ageGroup:required',
      'classes[1].places:required',
    ]);
  });
  it('an empty change changes nothing', () => {
    expect(changesSomething({ facility: {}, classes: [] })).toBe(false);
    expect(changesSomething({ facility: { name: 'x' }, classes: [] })).toBe(true);
  });
});
