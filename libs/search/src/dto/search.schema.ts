/**
 * JSON schemas of the public answers for Fastify's serializer (fast-json-stringify, via `@RouteSchema`): the search
 * and the map are the hottest answers, and a compiled serializer writes them faster than JSON.stringify. They are
 * also an allowlist: a property not named here never leaves the API. search.schema.spec.ts keeps them in step with
 * the views (NearbyItemView) that the OpenAPI document describes.
 */
const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const number = { type: 'number' } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const strings = { type: 'array', items: string } as const;

export const NEARBY_ITEM_SCHEMA = {
  type: 'object',
  properties: {
    id: string,
    name: string,
    address: nullableString,
    regionCode: string,
    regionName: string,
    location: { type: 'object', properties: { lat: number, lng: number } },
    kind: string,
    affordable: boolean,
    medicalIntegrated: boolean,
    monthlyFee: integer,
    serviceTypes: strings,
    ageGroups: strings,
    placeCount: integer,
    vacancies: integer,
    vacanciesUpdatedAt: nullableString,
    vacanciesStale: boolean,
    registrationNo: string,
    latestInspections: {
      type: 'array',
      items: { type: 'object', properties: { domain: string, outcome: string, inspectedAt: string } },
    },
    distanceM: integer,
  },
} as const;

export const NEARBY_RESPONSE_SCHEMA = {
  type: 'object',
  properties: { items: { type: 'array', items: NEARBY_ITEM_SCHEMA } },
} as const;

export const MAP_RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    type: string,
    clustered: boolean,
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: string,
          geometry: { type: 'object', properties: { type: string, coordinates: { type: 'array', items: number } } },
          // A cluster has `count`; a single facility the rest.
          properties: {
            type: 'object',
            properties: {
              cluster: boolean,
              count: integer,
              id: string,
              name: string,
              kind: string,
              vacancies: integer,
              affordable: boolean,
            },
          },
        },
      },
    },
  },
} as const;
