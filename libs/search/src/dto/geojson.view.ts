import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { PointGeometryView } from '@lib/core';
import { FACILITY_KINDS, type FacilityKind } from '@lib/standards';

/** The answers of the map and the open register as GeoJSON (RFC 7946), for the OpenAPI document. */

export class MapClusterPropertiesView {
  @ApiProperty({ type: Boolean, enum: [true] }) cluster: true;
  @ApiProperty({ type: 'integer', description: 'facilities in the cluster' }) count: number;
}

export class MapFacilityPropertiesView {
  @ApiProperty({ type: Boolean, enum: [false] }) cluster: false;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'cut to 40 characters (the last one …)' }) name: string;
  @ApiProperty({ enum: FACILITY_KINDS }) kind: FacilityKind;
  @ApiProperty({ type: 'integer' }) vacancies: number;
  @ApiProperty() affordable: boolean;
}

@ApiExtraModels(MapClusterPropertiesView, MapFacilityPropertiesView)
export class MapFeatureView {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: PointGeometryView, description: 'a cluster: its centre; a facility: its public location' })
  geometry: PointGeometryView;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(MapClusterPropertiesView) }, { $ref: getSchemaPath(MapFacilityPropertiesView) }] })
  properties: MapClusterPropertiesView | MapFacilityPropertiesView;
}

export class MapView {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ description: 'true: clusters (through zoom 12, or where more than 500 facilities would be answered)' })
  clustered: boolean;
  @ApiProperty({ type: [MapFeatureView], maxItems: 500 }) features: MapFeatureView[];
}

/** One facility of the open register (the CSV's columns but lat and lng, which are the geometry). */
export class RegisterPropertiesView {
  @ApiProperty({ example: 'TY-220102-2026-0001' }) registrationNo: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['registered', 'suspended'] }) status: string;
  @ApiProperty({ enum: FACILITY_KINDS }) kind: string;
  @ApiProperty({ example: '220102' }) regionCode: string;
  @ApiProperty({ description: 'in the language of Accept-Language' }) regionName: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a home-based point' }) address: string | null;
  @ApiProperty() affordable: boolean;
  @ApiProperty() medicalIntegrated: boolean;
  @ApiProperty({ type: 'integer', description: 'CNY per month' }) monthlyFee: number;
  @ApiProperty({ example: 'full_day half_day', description: 'service types, separated by spaces' }) serviceTypes: string;
  @ApiProperty({ example: 'toddler preschool', description: 'age groups, separated by spaces' }) ageGroups: string;
  @ApiProperty({ type: 'integer' }) placeCount: number;
  @ApiProperty({ type: 'integer' }) vacancies: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) vacanciesUpdatedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt: string | null;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the facility's public page, on the scheme and host the register was asked from",
  })
  url: string | null;
}

export class RegisterFeatureView {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: PointGeometryView, description: 'the public location' }) geometry: PointGeometryView;
  @ApiProperty({ type: RegisterPropertiesView }) properties: RegisterPropertiesView;
}

export class RegisterView {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [RegisterFeatureView] }) features: RegisterFeatureView[];
}
