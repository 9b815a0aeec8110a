import { describe, expect, it } from '@jest/globals';
import type { Drill } from '../../../api/incidents';
import { drillProblems, emptyDrillForm, latestFireDrill, toDrillInput } from './drill-form';

const TODAY = '2026-12-06';

describe('the drill form', () => {
  it('starts as a fire evacuation drill held today, wanting the number of participants', () => {
    expect(drillProblems(emptyDrillForm(TODAY), TODAY)).toEqual({ participants: 'required' });
  });

  it('refuses a date after today, a count that is not a whole number from 1 to 10,000, and a note over 1,000 characters', () => {
    const form = { kind: 'other' as const, heldOn: '2026-12-07', participants: '0', note: 'x'.repeat(1001) };
    expect(drillProblems(form, TODAY)).toEqual({ heldOn: 'future', participants: 'count', note: 'tooLong' });
    expect(drillProblems({ ...form, heldOn: '', participants: '2.5', note: '' }, TODAY)).toEqual({
      heldOn: 'required',
      participants: 'count',
    });
    expect(drillProblems({ ...form, kind: '', heldOn: TODAY, participants: '10001', note: '' }, TODAY)).toEqual({
      kind: 'required',
      participants: 'count',
    });
  });

  it('sends the count as a number and leaves an empty note out', () => {
    expect(toDrillInput({ kind: 'injury_first_aid', heldOn: TODAY, participants: ' 42 ', note: '  ' })).toEqual({
      kind: 'injury_first_aid',
      heldOn: TODAY,
      participants: 42,
    });
    expect(toDrillInput({ kind: 'other', heldOn: TODAY, participants: '3', note: ' 演练顺利 ' }).note).toBe('演练顺利');
  });

  it('finds the latest fire evacuation drill, whatever the order, and counts the days since', () => {
    const drill = (kind: Drill['kind'], heldOn: string): Drill => ({
      id: heldOn,
      facilityId: 'f',
      kind,
      heldOn,
      participants: 10,
      note: null,
      createdAt: `${heldOn}T02:00:00.000Z`,
    });
    expect(latestFireDrill([drill('injury_first_aid', '2026-12-01')], TODAY)).toBeNull();
    expect(
      latestFireDrill(
        [drill('fire_evacuation', '2026-09-01'), drill('fire_evacuation', '2026-10-07'), drill('other', '2026-12-05')],
        TODAY,
      ),
    ).toEqual({ heldOn: '2026-10-07', daysAgo: 60 });
  });
});
