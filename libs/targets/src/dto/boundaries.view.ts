import { ApiProperty } from '@nestjs/swagger';
import { RegionView } from './region.view.js';

/** `GET /public/regions/boundaries`: the units as GeoJSON (RFC 7946), their figures as properties. */
export class BoundaryGeometryView {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) type: 'Polygon' | 'MultiPolygon';
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'array', items: {} } },
    description: 'Polygon: rings of [lng, lat]; MultiPolygon: polygons of rings (WGS84)',
  })
  coordinates: unknown[];
}

export class BoundaryFeatureView {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: BoundaryGeometryView }) geometry: BoundaryGeometryView;
  @ApiProperty({ type: RegionView }) properties: RegionView;
}

export class BoundariesView {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [BoundaryFeatureView], description: 'the 15 supervisory units' }) features: BoundaryFeatureView[];
}
