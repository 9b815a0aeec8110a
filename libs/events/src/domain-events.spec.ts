import { jobsFor } from './domain-events.js';

describe('which events recompute unit figures', () => {
  const figures = (unitCode: string) => ({ name: 'recompute-unit-figures', data: { unitCode } });
  const alerts = { name: 'scan-alerts', data: {} };
  const facilityAlerts = { name: 'scan-facility-alerts', data: { facilityId: 'f' } };
  const unitAlerts = (unitCode: string) => ({ name: 'scan-unit-alerts', data: { unitCode } });
  const mapGrid = { name: 'refresh-map-grid', data: { facilityId: 'f' } };
  const plan = { name: 'refresh-plan-items', data: { facilityId: 'f' } };
  const incidentUnits = { name: 'follow-incident-units', data: { facilityId: 'f' } };

  it('population changes and imports recompute their unit', () => {
    expect(jobsFor({ type: 'region.population_changed', regionCode: '220102', year: 2025, population: 1 })).toEqual([figures('220102')]);
    expect(jobsFor({ type: 'region.imported', regionCode: '220102' })).toEqual([figures('220102')]);
  });
  it('every lifecycle transition recomputes its unit (registration, suspension, reinstatement and closure change the figures)', () => {
    for (const [from, to, map] of [
      ['submitted', 'registered', true],
      ['registered', 'suspended', true],
      ['suspended', 'registered', true],
      ['registered', 'closed', true],
      ['suspended', 'closed', false],
      ['draft', 'submitted', false],
    ] as const) {
      expect(jobsFor({ type: 'facility.status_changed', facilityId: 'f', regionCode: '220102', from, to })).toEqual([
        figures('220102'),
        alerts,
        // The public map shows registered facilities only: its grid follows a facility into and out of registered.
        ...(map ? [mapGrid] : []),
        plan,
      ]);
    }
  });
  it('a registered facility that moves recomputes both units once each', () => {
    expect(
      jobsFor({ type: 'facility.changed', facilityId: 'f', status: 'registered', regionCodes: ['220102', '220103', '220102'] }),
    ).toEqual([figures('220102'), figures('220103'), alerts, mapGrid, plan, incidentUnits]);
    expect(jobsFor({ type: 'facility.changed', facilityId: 'f', status: 'draft', regionCodes: ['220102'] })).toEqual([alerts]);
    expect(jobsFor({ type: 'facility.changed', facilityId: 'f', status: 'submitted', regionCodes: ['220102'] })).toEqual([alerts, plan]);
  });
  it('a facility that moves to another unit, in any status, moves its incidents’ copy of the unit; one that stays does not', () => {
    expect(jobsFor({ type: 'facility.changed', facilityId: 'f', status: 'suspended', regionCodes: ['220102', '220103'] })).toEqual([
      alerts,
      plan,
      incidentUnits,
    ]);
    expect(jobsFor({ type: 'facility.changed', facilityId: 'f', status: 'registered', regionCodes: ['220102', '220102'] })).toEqual([
      figures('220102'),
      alerts,
      mapGrid,
      plan,
    ]);
  });
  it('class changes count only at registered facilities, and rescan that facility’s alerts only', () => {
    expect(jobsFor({ type: 'class.changed', facilityId: 'f', classId: 'c', status: 'registered', regionCode: '220104' })).toEqual([
      figures('220104'),
      facilityAlerts,
      plan,
    ]);
    expect(jobsFor({ type: 'class.changed', facilityId: 'f', classId: 'c', status: 'draft', regionCode: '220104' })).toEqual([
      facilityAlerts,
    ]);
  });
  it('staff changes rescan every facility’s alerts (one person listed at two facilities is an alert of both)', () => {
    expect(jobsFor({ type: 'staff.changed', facilityId: 'f', staffId: 's' })).toEqual([alerts, plan]);
  });
  it('orders (an inspection that failed items, an amendment), findings and penalties recompute the operator’s credit', () => {
    const credit = { name: 'recompute-credit', data: { facilityId: 'f' } };
    expect(jobsFor({ type: 'order.changed', facilityId: 'f', orderId: 'o' })).toEqual([facilityAlerts, credit]);
    expect(jobsFor({ type: 'complaint.changed', complaintId: 'c', facilityId: 'f', regionCode: '220102' })).toEqual([alerts, credit]);
    expect(jobsFor({ type: 'complaint.changed', complaintId: 'c', regionCode: '220102' })).toEqual([alerts]);
    expect(jobsFor({ type: 'penalty.changed', facilityId: 'f', penaltyId: 'p' })).toEqual([credit]);
  });
  it('applications recompute their units; the alerts that read figures follow the figures job, not the write', () => {
    expect(jobsFor({ type: 'application.changed', applicationId: 'a', regionCodes: ['220102', '220104'] })).toEqual([
      figures('220102'),
      figures('220104'),
    ]);
    expect(jobsFor({ type: 'figures.changed', regionCodes: ['220102', '220100', '220102'] })).toEqual([
      unitAlerts('220102'),
      unitAlerts('220100'),
    ]);
  });
  it('change filings rescan the alerts; an approved one (perhaps to another credit code) recomputes credit too', () => {
    const credit = { name: 'recompute-credit', data: { facilityId: 'f' } };
    const event = (status: string) => ({ type: 'change_filing.changed' as const, facilityId: 'f', changeFilingId: 'c', status });
    expect(jobsFor(event('pending'))).toEqual([alerts]);
    expect(jobsFor(event('rejected'))).toEqual([alerts]);
    expect(jobsFor(event('approved'))).toEqual([alerts, credit, plan]);
  });
  it('incidents rescan the incident alerts and recompute the operator’s credit; drills rescan the incident alerts only', () => {
    const incidentAlerts = { name: 'scan-incident-alerts', data: {} };
    const credit = { name: 'recompute-credit', data: { facilityId: 'f' } };
    expect(jobsFor({ type: 'incident.changed', facilityId: 'f', incidentId: 'i' })).toEqual([incidentAlerts, credit, plan]);
    expect(jobsFor({ type: 'drill.logged', facilityId: 'f' })).toEqual([incidentAlerts]);
  });
});
