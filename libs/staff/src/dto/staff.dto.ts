import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HasValidChecksum, IsDateOnly, PageQuery, queryBoolean } from '@lib/core';
import {
  EDUCATION_LEVELS,
  QUALIFICATION_TYPES,
  STAFF_ROLES,
  isValidResidentId,
  type EducationLevel,
  type QualificationType,
  type StaffRole,
} from '@lib/standards';

export const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;

export class HealthCertificateDto {
  @ApiProperty({ example: 'JK2026-000123', maxLength: 60 }) @IsString() @MinLength(1) @MaxLength(60) number: string;
  @ApiProperty({ format: 'date', example: '2027-05-31' }) @IsDateOnly() expiresOn: string;
}

export class QualificationDto {
  @ApiProperty({ enum: QUALIFICATION_TYPES }) @IsIn(QUALIFICATION_TYPES) type: QualificationType;
  @ApiProperty({ maxLength: 60 }) @IsString() @MinLength(1) @MaxLength(60) number: string;
  @ApiProperty({ format: 'date' }) @IsDateOnly() issuedOn: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() expiresOn?: string | null;
}

export class CreateStaffDto {
  @ApiProperty({ example: '王丽', maxLength: 50 }) @IsString() @MinLength(1) @MaxLength(50) name: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role: StaffRole;
  @ApiProperty({ example: '11010519491231002X', description: '居民身份证号 (GB 11643, checked); stored encrypted, answered masked' })
  @IsString()
  @Matches(RESIDENT_ID_SHAPE)
  @HasValidChecksum(RESIDENT_ID_SHAPE, isValidResidentId)
  idNumber: string;
  @ApiPropertyOptional({ example: '13800000000' }) @IsOptional() @IsString() @Matches(/^[0-9+\- ]{5,20}$/) phone?: string;
  @ApiProperty({ format: 'date' }) @IsDateOnly() hiredOn: string;
  @ApiProperty() @IsBoolean() fullTime: boolean;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS }) @IsOptional() @IsIn(EDUCATION_LEVELS) education?: EducationLevel;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60 }) @IsOptional() @IsInt() @Min(0) @Max(60) experienceYears?: number;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "a caregiver's classes" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  classIds?: string[];
  @ApiProperty({ type: HealthCertificateDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HealthCertificateDto)
  healthCertificate: HealthCertificateDto;
  @ApiProperty({ type: [QualificationDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QualificationDto)
  qualifications: QualificationDto[];
  @ApiProperty({ description: 'background check done' }) @IsBoolean() backgroundChecked: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'when the background check was done (at hiring, then yearly); backgroundChecked without it: the day it is recorded',
  })
  @IsOptional()
  @IsDateOnly()
  backgroundCheckedOn?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description: 'a security guard: the licensed security company (保安服务公司) that employs the guard',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  employer?: string | null;
}

/** The ID number identifies the person: it is not changed on a record (end it and add another). */
export class UpdateStaffDto extends PartialType(OmitType(CreateStaffDto, ['idNumber'] as const), { skipNullProperties: false }) {}

export class StaffQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: current only; false: ended only; absent: all' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class OtherListingView {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() facilityName: string;
  @ApiProperty({ format: 'date' }) hiredOn: string;
}

export class StaffView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ example: '2201**********1234', description: 'always masked' }) idNumber: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ format: 'date' }) hiredOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty() fullTime: boolean;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) education: EducationLevel | null;
  @ApiProperty({ type: 'integer', nullable: true }) experienceYears: number | null;
  @ApiProperty({ type: [String] }) classIds: string[];
  @ApiProperty({ type: HealthCertificateDto }) healthCertificate: HealthCertificateDto;
  @ApiProperty({ type: [QualificationDto] }) qualifications: QualificationDto[];
  @ApiProperty() backgroundChecked: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'when the background check was done' })
  backgroundCheckedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'a security guard: the security company that employs the guard' })
  employer: string | null;
  @ApiProperty({
    description:
      'also active at another facility (same ID number). Regulators: either side of it. Operators: only when this record was entered after the other one (the regulator will review); never where',
  })
  multiListed: boolean;
  @ApiProperty({
    type: [OtherListingView],
    description: 'regulators only (empty for operators): the other active records of this person at facilities in reach',
  })
  alsoListedAt: OtherListingView[];
}

export class EndListingDto {
  @ApiProperty({ description: 'why this record is the one that ends', example: '经核实，该人员已于本月从本机构离职', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class StaffListView {
  @ApiProperty({ type: [StaffView] }) items: StaffView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
