import { startApi, type TestApi } from '../helpers/app.js';

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

/** The endpoints built so far and the fields API.md names for them. */
const CONTRACT: Record<string, string[]> = {
  RegisterDto: ['username', 'password', 'displayName', 'phone'],
  RegisteredView: ['id', 'username', 'role'],
  LoginDto: ['username', 'password'],
  LoginResultView: ['accessToken', 'expiresIn', 'user'],
  UserView: ['id', 'username', 'role', 'agency', 'regionCode'],
  CreateUserDto: ['username', 'password', 'displayName', 'role', 'agency', 'regionCode'],
  SetPopulationDto: ['year', 'population'],
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
    'updatedAt',
  ],
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
      ['/api/v1/public/regions', 'get'],
      ['/api/v1/public/regions/{code}', 'get'],
      ['/api/v1/public/regions/boundaries', 'get'],
      ['/api/v1/regions', 'get'],
      ['/api/v1/regions/{code}', 'get'],
      ['/api/v1/regions/{code}/population', 'put'],
      ['/health', 'get'],
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
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await api.http().get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });
});
