import { ApiProperty } from '@nestjs/swagger';

/** `GET /public/map-config`: the base map (configuration, env.ts `MapEnvSchema`). */
export class MapConfigView {
  @ApiProperty({ type: String, nullable: true, description: 'Leaflet tile URL template; null: no tiles (boundaries only)' })
  tileUrl: string | null;
  @ApiProperty({ description: 'the tile source’s attribution (HTML allowed by Leaflet)' }) attribution: string;
  @ApiProperty({ enum: ['wgs84', 'gcj02'], description: 'the tiles’ coordinate system (GCJ-02 for Chinese sources)' })
  tileCrs: 'wgs84' | 'gcj02';
  @ApiProperty({ type: [String], example: ['1', '2', '3', '4'], description: 'what `{s}` in the template stands for' })
  subdomains: string[];
}
