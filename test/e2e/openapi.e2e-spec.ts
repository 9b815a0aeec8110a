import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startApi, type TestApi } from '../helpers/app.js';
import { previewOpenApiDocument } from '../../apps/api/src/openapi.js';
import { CONTRACT_FILE, contractFile, type Document } from '../../scripts/contract/typescript.js';

let api: TestApi;
let doc: {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
};
beforeAll(async () => {
  api = await startApi();
  doc = (await api.http().get('/api/docs-json').expect(200)).body;
});
afterAll(() => api.close());

/** The endpoints built so far and the fields docs/api.md names for them. */
const CONTRACT: Record<string, string[]> = {
  RegisterDto: ['username', 'password', 'displayName', 'phone', 'accountType'],
  RegisteredView: ['id', 'username', 'role'],
  LoginDto: ['username', 'password'],
  LoginResultView: ['accessToken', 'expiresIn', 'user'],
  UserView: ['id', 'username', 'role', 'agency', 'regionCode'],
  CreateUserDto: ['username', 'password', 'displayName', 'role', 'agency', 'regionCode'],
  SetPopulationDto: ['year', 'population'],
  CreateFacilityDto: [
    'name',
    'creditCode',
    'kind',
    'ownership',
    'affordable',
    'medicalIntegrated',
    'servesMeals',
    'serviceTypes',
    'address',
    'location',
    'floors',
    'indoorAreaM2',
    'outdoorAreaM2',
    'monthlyFee',
    'phone',
    'openingHours',
    'exitCount',
    'surveillance',
    'documents',
  ],
  FacilityView: [
    'id',
    'name',
    'creditCode',
    'kind',
    'location',
    'documents',
    'regionCode',
    'status',
    'registrationNo',
    'rejectionReason',
    'version',
    'affordableRecognition',
    'submittedAt',
    'reviewOverdue',
  ],
  FilingDocumentDto: ['type', 'number', 'issuedOn', 'expiresOn', 'scopeIncludesChildcare', 'tenure', 'leaseEndsOn', 'rating'],
  CreateClassDto: ['name', 'ageGroup', 'places', 'enrolled'],
  ClassView: ['id', 'facilityId', 'name', 'ageGroup', 'places', 'enrolled', 'held', 'vacancies', 'updatedAt', 'version'],
  CreateChangeFilingDto: ['reason', 'facility', 'classes'],
  ClassChangeDto: ['op', 'classId', 'name', 'ageGroup', 'places', 'enrolled'],
  ChangeFacilityDto: [
    'name',
    'kind',
    'ownership',
    'creditCode',
    'address',
    'location',
    'floors',
    'indoorAreaM2',
    'outdoorAreaM2',
    'exitCount',
    'servesMeals',
    'documents',
  ],
  ChangeFilingView: ['id', 'facilityId', 'status', 'reason', 'facility', 'classes', 'submittedAt', 'decidedAt', 'decision'],
  AffordableDecisionDto: ['decision', 'maxMonthlyFee', 'validUntil', 'reason'],
  AffordableRecognitionView: ['status', 'maxMonthlyFee', 'validUntil', 'decidedAt', 'reason'],
  CreateStaffDto: [
    'name',
    'role',
    'idNumber',
    'phone',
    'hiredOn',
    'fullTime',
    'education',
    'experienceYears',
    'classIds',
    'healthCertificate',
    'qualifications',
    'backgroundChecked',
  ],
  StaffView: [
    'id',
    'name',
    'role',
    'idNumber',
    'endedOn',
    'healthCertificate',
    'qualifications',
    'backgroundChecked',
    'multiListed',
    'alsoListedAt',
  ],
  QualificationDto: ['type', 'number', 'issuedOn', 'expiresOn'],
  ComplianceView: ['ok', 'checks'],
  ComplianceCheckView: ['code', 'ok', 'detail', 'detailEn'],
  PlacementPlanView: ['classes', 'unplacedTotal'],
  PlacementClassView: ['classId', 'ageGroup', 'enrolled', 'placements', 'unplaced'],
  PlacementView: ['facilityId', 'classId', 'name', 'distanceM', 'count'],
  HistoryEntryView: ['at', 'actor', 'action', 'changes'],
  ReasonDto: ['reason'],
  ApproveDto: ['note'],
  CreateInspectionDto: ['domain', 'inspectedAt', 'items', 'summary', 'incidentId'],
  ItemAnswerDto: ['code', 'result', 'note'],
  InspectionView: [
    'id',
    'facilityId',
    'domain',
    'checklistVersion',
    'inspectedAt',
    'outcome',
    'score',
    'originalOutcome',
    'amendments',
    'rectificationOrders',
  ],
  AmendmentDto: ['reason', 'items'],
  ChecklistView: ['domain', 'version', 'items'],
  ChecklistItemView: ['code', 'section', 'text', 'textEn', 'severity', 'rule'],
  OrderView: ['id', 'facilityId', 'inspectionId', 'itemCode', 'severity', 'dueOn', 'status', 'overdue', 'response', 'verification'],
  OrderResponseDto: ['note'],
  VerifyDto: ['accepted', 'note'],
  PlanItemView: ['facilityId', 'name', 'regionCode', 'domain', 'riskScore', 'reasons', 'lastInspectedAt', 'due'],
  AlertView: ['id', 'kind', 'subject', 'facilityId', 'regionCode', 'message', 'dueOn', 'createdAt', 'resolvedAt'],
  AnnualReportView: ['year', 'generatedAt', 'rows', 'total'],
  ReportRowView: [
    'regionCode',
    'name',
    'population',
    'facilityCount',
    'facilitiesByKind',
    'placeCount',
    'affordablePlaceCount',
    'affordableShare',
    'placesPer1000',
    'target',
    'inspectionsByDomain',
    'ordersOpened',
    'ordersResolved',
    'caregiversCertifiedShare',
    'waitingChildren',
  ],
  NearbyItemView: [
    'id',
    'name',
    'address',
    'regionName',
    'location',
    'distanceM',
    'kind',
    'affordable',
    'medicalIntegrated',
    'monthlyFee',
    'serviceTypes',
    'ageGroups',
    'placeCount',
    'vacancies',
    'vacanciesUpdatedAt',
    'registrationNo',
    'latestInspections',
    'vacanciesForAge',
    'vacanciesForAgeUpdatedAt',
  ],
  LatestInspectionView: ['domain', 'outcome', 'inspectedAt'],
  PublicFacilityView: ['status', 'classes', 'inspections', 'registrationNo', 'location', 'vacancies', 'incidents', 'credit'],
  // v1 additions, "Incidents and drills".
  CreateIncidentDto: ['kind', 'severity', 'occurredAt', 'childrenAffected', 'hospitalized', 'description', 'actionsTaken'],
  IncidentView: [
    'id',
    'facilityId',
    'kind',
    'severity',
    'occurredAt',
    'reportedAt',
    'reportDueAt',
    'late',
    'status',
    'childrenAffected',
    'hospitalized',
    'description',
    'actionsTaken',
    'timeline',
  ],
  TimelineEntryView: ['at', 'actor', 'note'],
  TimelineActorView: ['role', 'agency'],
  IncidentNoteDto: ['note'],
  CloseIncidentDto: ['finding', 'note'],
  IncidentListView: ['items', 'nextCursor'],
  CreateDrillDto: ['kind', 'heldOn', 'participants', 'note'],
  DrillListView: ['items'],
  PublicIncidentView: ['kind', 'severity', 'occurredOn', 'finding'],
  StatusActionDto: ['reason', 'incidentId'],
  PublicClassView: ['ageGroup', 'places', 'vacancies'],
  // Complaints; penalties and credit (API.md "v1 additions").
  CreateComplaintDto: ['facilityId', 'location', 'address', 'providerName', 'category', 'description', 'contact'],
  ComplaintContactDto: ['name', 'phone'],
  ComplaintReceiptView: ['receiptCode', 'status', 'createdAt'],
  PublicComplaintView: ['receiptCode', 'status', 'category', 'createdAt', 'updatedAt', 'reply'],
  ComplaintView: [
    'id',
    'facilityId',
    'location',
    'category',
    'description',
    'status',
    'agency',
    'finding',
    'reply',
    'contact',
    'createdAt',
  ],
  InvestigateComplaintDto: ['agency', 'note'],
  CloseComplaintDto: ['finding', 'reply'],
  CreatePenaltyDto: ['kind', 'amountYuan', 'decisionNo', 'decidedOn', 'legalBasis', 'note'],
  RevokePenaltyDto: ['reason'],
  CreditView: ['creditCode', 'level', 'reasons', 'facilities', 'penalties', 'substantiatedComplaints', 'substantiatedIncidents'],
  PublicCreditView: ['level', 'penalties'],
  PublicPenaltyView: ['kind', 'decidedOn', 'legalBasis'],
  PublicInspectionView: ['domain', 'outcome', 'inspectedAt', 'summary'],
  RegionView: [
    'code',
    'name',
    'nameEn',
    'level',
    'parentCode',
    'population',
    'populationYear',
    'facilityCount',
    'placeCount',
    'affordablePlaceCount',
    'placesPer1000',
    'target2025',
    'target2035',
    'shortfall2025',
    'shortfall2035',
    'currentYear',
    'targetCurrentYear',
    'shortfallCurrentYear',
    'waitingChildren',
    'waitingByAgeGroup',
    'updatedAt',
  ],
  // Parents: applications and the waitlist (API.md "v1 additions").
  CreateApplicationDto: ['child', 'startMonth', 'serviceType', 'choices'],
  ChildDto: ['label', 'birthMonth'],
  ApplicationView: ['id', 'status', 'child', 'startMonth', 'serviceType', 'choices', 'createdAt'],
  ChoiceView: ['facilityId', 'rank', 'position', 'status'],
  CreateOfferDto: ['facilityId', 'classId', 'expiresOn'],
  OfferView: ['id', 'applicationId', 'facilityId', 'classId', 'status', 'expiresOn'],
  WaitingByAgeGroup: ['infant', 'toddler', 'preschool'],
};

describe('OpenAPI document', () => {
  it('lists every path built so far', () => {
    const expected: [string, string][] = [
      ['/api/v1/auth/register', 'post'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/me', 'get'],
      ['/api/v1/users', 'post'],
      ['/api/v1/users', 'get'],
      ['/api/v1/users/{id}', 'get'],
      ['/api/v1/users/{id}', 'patch'],
      ['/api/v1/users/{id}/password', 'post'],
      ['/api/v1/users/{id}/disable', 'post'],
      ['/api/v1/users/{id}/enable', 'post'],
      ['/api/v1/auth/password', 'post'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/public/regions', 'get'],
      ['/api/v1/public/regions/{code}', 'get'],
      ['/api/v1/public/regions/boundaries', 'get'],
      ['/api/v1/regions', 'get'],
      ['/api/v1/regions/{code}', 'get'],
      ['/api/v1/regions/{code}/population', 'put'],
      ['/health', 'get'],
      ['/health/live', 'get'],
      ['/health/ready', 'get'],
      ['/api/v1/facilities', 'post'],
      ['/api/v1/facilities', 'get'],
      ['/api/v1/facilities/{id}', 'get'],
      ['/api/v1/facilities/{id}', 'patch'],
      ...['submit', 'approve', 'reject', 'suspend', 'reinstate', 'close'].map((a): [string, string] => [
        `/api/v1/facilities/{id}/${a}`,
        'post',
      ]),
      ['/api/v1/facilities/{id}/placement-plan', 'get'],
      ['/api/v1/facilities/{id}/compliance', 'get'],
      ['/api/v1/facilities/{id}/history', 'get'],
      ['/api/v1/facilities/{id}/classes', 'post'],
      ['/api/v1/facilities/{id}/classes', 'get'],
      ['/api/v1/classes/{id}', 'get'],
      ['/api/v1/classes/{id}', 'patch'],
      ['/api/v1/classes/{id}', 'delete'],
      ['/api/v1/facilities/{id}/staff', 'post'],
      ['/api/v1/facilities/{id}/staff', 'get'],
      ['/api/v1/staff/{id}', 'patch'],
      ['/api/v1/staff/{id}', 'delete'],
      ['/api/v1/inspection-checklists', 'get'],
      ['/api/v1/facilities/{id}/inspections', 'post'],
      ['/api/v1/facilities/{id}/inspections', 'get'],
      ['/api/v1/inspections/{id}', 'get'],
      ['/api/v1/inspections/{id}/amendments', 'post'],
      ['/api/v1/rectification-orders', 'get'],
      ['/api/v1/rectification-orders/{id}/response', 'post'],
      ['/api/v1/rectification-orders/{id}/verify', 'post'],
      ['/api/v1/inspection-plan', 'get'],
      ['/api/v1/alerts', 'get'],
      ['/api/v1/reports/annual', 'get'],
      ['/api/v1/regions/{code}/history', 'get'],
      ['/api/v1/public/facilities/nearby', 'get'],
      ['/api/v1/public/facilities/{id}', 'get'],
      ['/api/v1/public/map', 'get'],
      ['/api/v1/public/register.csv', 'get'],
      ['/api/v1/public/register.geojson', 'get'],
      ['/api/v1/facilities/{id}/incidents', 'post'],
      ['/api/v1/incidents', 'get'],
      ['/api/v1/incidents/{id}', 'get'],
      ['/api/v1/incidents/{id}/acknowledge', 'post'],
      ['/api/v1/incidents/{id}/updates', 'post'],
      ['/api/v1/incidents/{id}/close', 'post'],
      ['/api/v1/facilities/{id}/drills', 'post'],
      ['/api/v1/facilities/{id}/drills', 'get'],
      ['/api/v1/applications', 'post'],
      ['/api/v1/applications', 'get'],
      ['/api/v1/applications/{id}', 'get'],
      ['/api/v1/applications/{id}/withdraw', 'post'],
      ['/api/v1/applications/{id}/offers', 'post'],
      ['/api/v1/offers/{id}/accept', 'post'],
      ['/api/v1/offers/{id}/decline', 'post'],
      // v1 additions: change filings and 普惠 recognition
      ['/api/v1/facilities/{id}/changes', 'post'],
      ['/api/v1/facilities/{id}/changes', 'get'],
      ['/api/v1/facilities/{id}/changes/check', 'post'],
      ['/api/v1/change-filings', 'get'],
      ['/api/v1/change-filings/{id}', 'get'],
      ...['approve', 'reject', 'withdraw'].map((a): [string, string] => [`/api/v1/change-filings/{id}/${a}`, 'post']),
      ['/api/v1/facilities/{id}/affordable-recognition', 'post'],
      ['/api/v1/public/complaints', 'post'],
      ['/api/v1/public/complaints/{receiptCode}', 'get'],
      ['/api/v1/complaints', 'get'],
      ['/api/v1/complaints/{id}', 'get'],
      ['/api/v1/complaints/{id}/investigate', 'post'],
      ['/api/v1/complaints/{id}/close', 'post'],
      ['/api/v1/complaints/unregistered.geojson', 'get'],
      ['/api/v1/facilities/{id}/penalties', 'post'],
      ['/api/v1/facilities/{id}/penalties', 'get'],
      ['/api/v1/penalties/{id}/revoke', 'post'],
      ['/api/v1/credit/{creditCode}', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method]).toBeDefined();
  });

  it('names every field of the contract, with enum values', () => {
    for (const [schema, fields] of Object.entries(CONTRACT)) {
      const props = doc.components.schemas[schema]?.properties ?? {};
      for (const f of fields) expect({ schema, field: f, present: f in props }).toEqual({ schema, field: f, present: true });
    }
    expect(doc.components.schemas.CreateUserDto!.properties!.role!.enum).toEqual(['operator', 'regulator', 'admin']);
    expect(doc.components.schemas.CreateUserDto!.properties!.agency!.enum).toEqual(['health', 'fire', 'market', 'housing']);
    expect(doc.components.schemas.RegionView!.properties!.level!.enum).toEqual(['city', 'district', 'zone']);
    expect(doc.components.schemas.CreateFacilityDto!.properties!.kind!.enum).toEqual([
      'centre',
      'kindergarten_class',
      'family',
      'employer',
      'community',
    ]);
    expect(doc.components.schemas.CreateClassDto!.properties!.ageGroup!.enum).toEqual(['infant', 'toddler', 'preschool', 'mixed']);
    expect(doc.components.schemas.ChangeFilingView!.properties!.status!.enum).toEqual(['pending', 'approved', 'rejected', 'withdrawn']);
    expect(doc.components.schemas.ClassChangeDto!.properties!.op!.enum).toEqual(['add', 'update', 'remove']);
    expect(doc.components.schemas.AffordableDecisionDto!.properties!.decision!.enum).toEqual(['recognize', 'reject', 'revoke']);
    expect(doc.components.schemas.AffordableRecognitionView!.properties!.status!.enum).toEqual([
      'applied',
      'recognized',
      'rejected',
      'revoked',
      'expired',
    ]);
    expect(doc.components.schemas.FilingDocumentDto!.properties!.type!.enum).toContain('owners_consent');
    expect(doc.components.schemas.CreateStaffDto!.properties!.role!.enum).toEqual([
      'director',
      'caregiver',
      'health',
      'nutritionist',
      'cook',
      'security',
      'other',
    ]);
    expect(doc.components.schemas.CreateInspectionDto!.properties!.domain!.enum).toEqual(['fire', 'food', 'building', 'hygiene']);
    expect(doc.components.schemas.ItemAnswerDto!.properties!.result!.enum).toEqual(['pass', 'fail', 'na']);
    expect(doc.components.schemas.InspectionView!.properties!.outcome!.enum).toEqual(['pass', 'rectify', 'fail']);
    expect(doc.components.schemas.ChecklistItemView!.properties!.severity!.enum).toEqual(['minor', 'major', 'critical']);
    expect(doc.components.schemas.AlertView!.properties!.kind!.enum).toEqual([
      'filing_document_expiring',
      'health_certificate_expiring',
      'qualification_expiring',
      'rectification_overdue',
      'ratio_breach',
      'staff_multi_listed',
      'background_check_due',
      'region_below_target',
      'incident_unacknowledged',
      'incident_reported_late',
      'illness_cluster',
      'drill_overdue',
      'demand_exceeds_vacancies',
      'filing_review_overdue',
      'affordable_recognition_expiring',
      'complaint_overdue',
      'unregistered_provider',
    ]);
    expect(doc.components.schemas.CreateIncidentDto!.properties!.kind!.enum).toEqual([
      'injury',
      'illness',
      'food_poisoning',
      'abuse_allegation',
      'missing_child',
      'fire',
      'death',
      'other',
    ]);
    expect(doc.components.schemas.CreateIncidentDto!.properties!.severity!.enum).toEqual(['minor', 'serious', 'critical']);
    expect(doc.components.schemas.CloseIncidentDto!.properties!.finding!.enum).toEqual(['substantiated', 'unsubstantiated', 'no_fault']);
    expect(doc.components.schemas.CreateDrillDto!.properties!.kind!.enum).toEqual(['fire_evacuation', 'injury_first_aid', 'other']);
    expect(doc.components.schemas.IncidentView!.properties!.status!.enum).toEqual(['reported', 'acknowledged', 'closed']);
    expect(doc.components.schemas.RegisterDto!.properties!.accountType!.enum).toEqual(['operator', 'parent']);
    expect(doc.components.schemas.RegisteredView!.properties!.role!.enum).toEqual(['operator', 'parent']);
    expect(doc.components.schemas.ApplicationView!.properties!.status!.enum).toEqual(['waiting', 'placed', 'withdrawn']);
    expect(doc.components.schemas.OfferView!.properties!.status!.enum).toEqual(['open', 'accepted', 'declined', 'expired', 'withdrawn']);
    expect(doc.components.schemas.CreateComplaintDto!.properties!.category!.enum).toEqual([
      'safety',
      'hygiene',
      'food',
      'abuse',
      'fees',
      'staff',
      'unregistered',
      'other',
    ]);
    expect(doc.components.schemas.PublicComplaintView!.properties!.status!.enum).toEqual(['received', 'investigating', 'closed']);
    expect(doc.components.schemas.CloseComplaintDto!.properties!.finding!.enum).toEqual(['substantiated', 'unsubstantiated', 'withdrawn']);
    expect(doc.components.schemas.CreatePenaltyDto!.properties!.kind!.enum).toEqual([
      'warning',
      'fine',
      'confiscation',
      'order_to_stop',
      'revocation',
    ]);
    expect(doc.components.schemas.CreditView!.properties!.level!.enum).toEqual(['A', 'B', 'C', 'D']);
    expect(doc.components.schemas.PublicFacilityView!.properties!.status!.enum).toEqual(['registered', 'suspended']);
    const nearby = doc.paths['/api/v1/public/facilities/nearby']!.get as { parameters: { name: string; in: string }[] };
    const nearbyParams = nearby.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(nearbyParams.sort()).toEqual(
      ['lat', 'lng', 'radiusM', 'ageMonths', 'affordable', 'hasVacancy', 'maxFee', 'serviceType', 'kind', 'limit'].sort(),
    );
    expect(doc.components.schemas.FacilityView!.properties!.status!.enum).toEqual([
      'draft',
      'submitted',
      'registered',
      'suspended',
      'closed',
    ]);
  });

  it('is the document built offline for the web types, and the committed web types are generated from it', async () => {
    expect(await previewOpenApiDocument()).toEqual(doc);
    expect(readFileSync(CONTRACT_FILE, 'utf8')).toBe(await contractFile(doc as unknown as Document));
  });

  it('validates as OpenAPI, and every operation documents its problem+json answers', async () => {
    const validation = spawnSync(process.execPath, ['scripts/contract/validate.mjs'], { input: JSON.stringify(doc), encoding: 'utf8' });
    expect({ status: validation.status, stderr: validation.stderr }).toEqual({ status: 0, stderr: '' });
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(item as Record<string, { responses: Record<string, { content?: object }> }>)) {
        const problems = Object.entries(operation.responses).filter(([, r]) => r.content && 'application/problem+json' in r.content);
        const statuses = problems.map(([status]) => Number(status));
        if (!statuses.includes(500) || !statuses.every((s) => s >= 400)) missing.push(`${method.toUpperCase()} ${path}`);
        if (path.startsWith('/api/v1/public/') && !statuses.includes(429)) missing.push(`${method.toUpperCase()} ${path}: 429`);
        if (path.includes('{') && !statuses.includes(404)) missing.push(`${method.toUpperCase()} ${path}: 404`);
      }
    expect(missing).toEqual([]);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await api.http().get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });
});
