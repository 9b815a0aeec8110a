import 'reflect-metadata';
import { NearbyItemView } from './search.dto.js';
import { NEARBY_ITEM_SCHEMA } from './search.schema.js';

/** The properties the OpenAPI document gives a view (from its @ApiProperty decorators, inherited ones included). */
function documented(view: { prototype: object }): string[] {
  return ((Reflect.getMetadata('swagger/apiModelPropertiesArray', view.prototype) as string[]) ?? []).map((p) => p.replace(/^:/, ''));
}

describe('the serializer schema of the nearby answer', () => {
  it('names exactly the properties of NearbyItemView', () => {
    expect(Object.keys(NEARBY_ITEM_SCHEMA.properties).sort()).toEqual(documented(NearbyItemView).sort());
  });
});
