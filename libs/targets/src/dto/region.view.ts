import { ApiProperty } from '@nestjs/swagger';

export class RegionView {
  @ApiProperty({ example: '220102' }) code: string;
  @ApiProperty({ example: '南关区' }) name: string;
  @ApiProperty({ example: 'Nanguan District' }) nameEn: string;
  @ApiProperty({ enum: ['city', 'district', 'zone'] }) level: 'city' | 'district' | 'zone';
  @ApiProperty({ type: String, nullable: true, example: '220100' }) parentCode: string | null;
  @ApiProperty({ description: 'Resident population of the latest year' }) population: number;
  @ApiProperty({ type: Number, nullable: true }) populationYear: number | null;
  @ApiProperty({ description: 'Registered facilities that count (configuration)' }) facilityCount: number;
  @ApiProperty() placeCount: number;
  @ApiProperty() affordablePlaceCount: number;
  @ApiProperty({ description: 'placeCount ÷ population × 1000, two decimals' }) placesPer1000: number;
  @ApiProperty({ example: 4.5 }) target2025: number;
  @ApiProperty({ example: 8 }) target2035: number;
  @ApiProperty() shortfall2025: number;
  @ApiProperty() shortfall2035: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class RegionListView {
  @ApiProperty({ type: [RegionView] }) items: RegionView[];
}
