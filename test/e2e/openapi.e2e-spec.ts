import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { DECORATORS } from '@nestjs/swagger';
import { ALERT_KINDS, INCIDENT_KINDS } from '@lib/standards';
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

  it('names the contract’s enum values', () => {
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
    // The long vocabularies, in the order of their one list (libs/standards).
    expect(doc.components.schemas.AlertView!.properties!.kind!.enum).toEqual([...ALERT_KINDS]);
    expect(doc.components.schemas.CreateIncidentDto!.properties!.kind!.enum).toEqual([...INCIDENT_KINDS]);
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

type SchemaObject = {
  type?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  $ref?: string;
  allOf?: SchemaObject[];
};
type Parameter = { name: string; in: string; required?: boolean; schema?: SchemaObject };
type Operation = {
  summary?: string;
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
};

/** Every class of the DTO and view files (libs/<name>/src/dto, the API's own, the page query and the map config). */
async function dtoClasses(): Promise<Function[]> {
  const files = [
    ...readdirSync('libs')
      .filter((lib) => existsSync(join('libs', lib, 'src', 'dto')))
      .flatMap((lib) => readdirSync(join('libs', lib, 'src', 'dto')).map((f) => join('libs', lib, 'src', 'dto', f))),
    'libs/core/src/page-query.ts',
    'libs/core/src/map-config.view.ts',
    'apps/api/src/common/problem.view.ts',
    'apps/api/src/common/list-query.dto.ts',
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  const classes = new Set<Function>();
  for (const file of files) {
    const module = (await import(join(process.cwd(), file))) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (typeof value === 'function' && Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, value.prototype)) classes.add(value);
  }
  return [...classes];
}

const swaggerProperties = (cls: Function): string[] =>
  ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, cls.prototype) as string[] | undefined) ?? []).map((p) => p.slice(1));

function typeIn(schema: SchemaObject | undefined, each: boolean): string | undefined {
  return each ? schema?.items?.type : schema?.type;
}

describe('OpenAPI document against the DTO metadata', () => {
  it('documents every DTO and view field (explicit @ApiProperty), integers as integer, enums and optional fields as validated', async () => {
    const storage = getMetadataStorage();
    const schemas = doc.components.schemas as unknown as Record<string, SchemaObject>;
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, Operation>));
    const problems: string[] = [];
    const classes = await dtoClasses();
    expect(classes.length).toBeGreaterThan(60);
    let checked = 0;
    for (const cls of classes) {
      const documented = swaggerProperties(cls);
      const validations = storage.getTargetValidationMetadatas(cls, '', true, false);
      const validated = [...new Set(validations.map((v) => v.propertyName))];
      for (const field of validated)
        if (!documented.includes(field)) problems.push(`${cls.name}.${field}: validated but without @ApiProperty`);
      const schema = schemas[cls.name];
      // A query DTO is documented as the parameters of the operations that take it.
      const queryOperations = schema
        ? []
        : operations.filter((o) => documented.every((f) => (o.parameters ?? []).some((p) => p.in === 'query' && p.name === f)));
      // Several operations may take the same field names: the one taking exactly these fields is this DTO's.
      const queryNames = (o: Operation) => (o.parameters ?? []).filter((p: Parameter) => p.in === 'query').map((p: Parameter) => p.name);
      queryOperations.sort(
        (a, b) => Number(queryNames(b).length === documented.length) - Number(queryNames(a).length === documented.length),
      );
      if (!schema && queryOperations.length === 0) continue; // a base class or a class no operation uses
      for (const field of documented) {
        const property = schema
          ? schema.properties?.[field]
          : queryOperations[0]!.parameters!.find((p) => p.in === 'query' && p.name === field)?.schema;
        const required = schema
          ? (schema.required ?? []).includes(field)
          : queryOperations[0]!.parameters!.find((p) => p.in === 'query' && p.name === field)!.required === true;
        if (!property) {
          problems.push(`${cls.name}.${field}: not in the document`);
          continue;
        }
        checked++;
        const rules = validations.filter((v) => v.propertyName === field);
        if (rules.length === 0) continue;
        const optional = rules.some((v) => v.type === 'conditionalValidation' || v.name === 'isOptional');
        if (optional === required) problems.push(`${cls.name}.${field}: ${optional ? 'optional' : 'required'} but documented otherwise`);
        for (const rule of rules) {
          if (rule.name === 'isInt' && typeIn(property, rule.each) !== 'integer')
            problems.push(`${cls.name}.${field}: an integer documented as ${typeIn(property, rule.each)}`);
          if (rule.name === 'isIn') {
            const values = (rule.constraints[0] as unknown[]).map(String).sort();
            const enumValues = (rule.each ? property.items?.enum : property.enum)?.map(String).sort();
            if (JSON.stringify(values) !== JSON.stringify(enumValues))
              problems.push(`${cls.name}.${field}: enum ${enumValues} ≠ ${values}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('gives every operation a summary, integer parameters as integer, and a typed answer for every media type', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) problems.push(`${name}: no summary`);
        for (const p of operation.parameters ?? [])
          if (['limit', 'radiusM', 'ageMonths', 'maxFee', 'zoom', 'year'].includes(p.name) && p.schema?.type !== 'integer')
            problems.push(`${name}: ${p.name} is ${p.schema?.type}`);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === '204') continue;
          if (!response.content) problems.push(`${name} ${status}: no content`);
          for (const [type, media] of Object.entries(response.content ?? {}))
            if (!media.schema || Object.keys(media.schema).length === 0) problems.push(`${name} ${status} ${type}: no schema`);
        }
      }
    expect(problems).toEqual([]);
    const annual = (doc.paths['/api/v1/reports/annual'] as Record<string, Operation>).get!.responses['200']!.content!;
    expect(annual['text/csv']!.schema).toEqual({ type: 'string' });
    expect(annual['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']!.schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(annual['application/json']!.schema).toEqual({ $ref: '#/components/schemas/AnnualReportView' });
    const ok = (path: string) => (doc.paths[path] as Record<string, Operation>).get!.responses['200']!.content!;
    expect(ok('/api/v1/public/register.csv')['text/csv']!.schema).toEqual({ type: 'string' });
    expect(ok('/api/v1/public/register.geojson')['application/geo+json']!.schema).toEqual({ $ref: '#/components/schemas/RegisterView' });
    expect(ok('/api/v1/public/map')['application/json']!.schema).toEqual({ $ref: '#/components/schemas/MapView' });
    expect(ok('/api/v1/public/regions/boundaries')['application/json']!.schema).toEqual({ $ref: '#/components/schemas/BoundariesView' });
    expect(ok('/api/v1/public/map-config')['application/json']!.schema).toEqual({ $ref: '#/components/schemas/MapConfigView' });
  });
});
