import { ApiProperty } from '@nestjs/swagger';

/** A GeoJSON (RFC 7946) point, shared by every GeoJSON answer's schema in the OpenAPI document. */
export class PointGeometryView {
  @ApiProperty({ enum: ['Point'] }) type: 'Point';
  @ApiProperty({ type: [Number], minItems: 2, maxItems: 2, description: '[longitude, latitude], WGS84, six decimals' })
  coordinates: number[];
}
