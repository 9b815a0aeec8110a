import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** Optional but never null: absent means unchanged. */
const Given = () => ValidateIf((_: unknown, v: unknown) => v !== undefined);
import { AGE_GROUP_NAMES, type AgeGroupName } from '@lib/standards';

export class CreateClassDto {
  @ApiProperty({ example: '托小一班', maxLength: 50 }) @IsString() @MinLength(1) @MaxLength(50) name: string;
  @ApiProperty({ enum: AGE_GROUP_NAMES, description: 'infant 6–11, toddler 12–23, preschool 24–36, mixed 18–36 months' })
  @IsIn(AGE_GROUP_NAMES)
  ageGroup: AgeGroupName;
  @ApiProperty({ type: 'integer', example: 15, minimum: 1 }) @IsInt() @Min(1) @Max(1000) places: number;
  @ApiProperty({ type: 'integer', example: 12, minimum: 0 }) @IsInt() @Min(0) @Max(1000) enrolled: number;
}

export class UpdateClassDto {
  @ApiPropertyOptional({ maxLength: 50 }) @Given() @IsString() @MinLength(1) @MaxLength(50) name?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) @Given() @IsInt() @Min(1) @Max(1000) places?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) @Given() @IsInt() @Min(0) @Max(1000) enrolled?: number;
}

export class ClassView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGE_GROUP_NAMES }) ageGroup: AgeGroupName;
  @ApiProperty({ type: 'integer' }) places: number;
  @ApiProperty({ type: 'integer' }) enrolled: number;
  @ApiProperty({ type: 'integer', description: 'places held by open offers to waiting children' }) held: number;
  @ApiProperty({ type: 'integer', description: 'places − enrolled − held' }) vacancies: number;
  @ApiProperty({ format: 'date-time', description: 'when places or enrolment were last reported' }) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ClassListView {
  @ApiProperty({ type: [ClassView] }) items: ClassView[];
}
