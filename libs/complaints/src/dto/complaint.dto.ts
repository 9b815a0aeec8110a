import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery, PointGeometryView } from '@lib/core';
import { AGENCIES, type Agency } from '@lib/auth';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_FINDINGS,
  COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintFinding,
  type ComplaintStatus,
} from '@lib/standards';
import { CONTROL_CHARACTERS } from '../complaint.rules.js';

/** Free text from the public: no control characters (tab and line breaks allowed); HTML is kept as text. */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not contain control characters', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && !CONTROL_CHARACTERS.test(value) },
    });
}

/** A mainland mobile (1xx xxxx xxxx) or landline (0xx(x)-xxxxxxx(x)) number; spaces and hyphens allowed. */
export const PHONE_SHAPE = /^(?:\+?86[ -]?)?(?:1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}[ -]?\d{7,8})$/;

export class ComplaintLocationDto {
  @ApiProperty({ example: 43.88, minimum: -90, maximum: 90 }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 125.32, minimum: -180, maximum: 180 }) @IsNumber() @Min(-180) @Max(180) lng: number;
}

export class ComplaintContactDto {
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) @IsPlainText() name?: string;
  @ApiPropertyOptional({ example: '13800000000', description: 'stored encrypted; shown only to regulators in reach' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_SHAPE)
  phone?: string;
}

export class CreateComplaintDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a registered or suspended facility; exactly one of facilityId or location' })
  @IsOptional()
  @IsUUID()
  facilityId?: string;
  @ApiPropertyOptional({
    type: ComplaintLocationDto,
    description: 'the place of a provider (e.g. an unregistered one), with providerName or address',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintLocationDto)
  location?: ComplaintLocationDto;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) @IsPlainText() address?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) @IsPlainText() providerName?: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) @IsIn(COMPLAINT_CATEGORIES) category: ComplaintCategory;
  @ApiProperty({ minLength: 10, maxLength: 2000 }) @IsString() @MinLength(10) @MaxLength(2000) @IsPlainText() description: string;
  @ApiPropertyOptional({ type: ComplaintContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintContactDto)
  contact?: ComplaintContactDto;
}

export class ComplaintReceiptView {
  @ApiProperty({ example: 'K7M2Q9XR4TPB', description: '12 unguessable characters: the complainant follows the complaint with it' })
  receiptCode: string;
  @ApiProperty({ enum: ['received'] }) status: 'received';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PublicComplaintView {
  @ApiProperty() receiptCode: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: ComplaintCategory;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'the regulator’s reply, once closed' }) reply: string | null;
}

export class ComplaintContactView {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() phone?: string;
}

export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ description: 'regulators only' }) receiptCode?: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) facilityId: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityName: string | null;
  @ApiProperty({ type: ComplaintLocationDto, nullable: true }) location: { lat: number; lng: number } | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) providerName: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: ComplaintCategory;
  @ApiProperty() description: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ type: String, enum: AGENCIES, nullable: true }) agency: Agency | null;
  @ApiProperty({ type: String, nullable: true }) investigationNote: string | null;
  @ApiProperty({ type: String, enum: COMPLAINT_FINDINGS, nullable: true }) finding: ComplaintFinding | null;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiPropertyOptional({ type: ComplaintContactView, description: 'regulators in reach only; never operators' })
  contact?: ComplaintContactView;
  @ApiProperty({ format: 'date', description: 'move to investigating by this day (working days)' }) acknowledgeDueOn: string;
  @ApiProperty({ format: 'date', description: 'close by this day (working days)' }) closeDueOn: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) investigatingAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class ComplaintListView {
  @ApiProperty({ type: [ComplaintView] }) items: ComplaintView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ComplaintListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES }) @IsOptional() @IsIn(COMPLAINT_STATUSES) status?: ComplaintStatus;
  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES }) @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategory;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
}

export class InvestigateComplaintDto {
  @ApiProperty({ enum: AGENCIES, description: 'the agency that investigates' }) @IsIn(AGENCIES) agency: Agency;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) @IsPlainText() note?: string;
}

export class CloseComplaintDto {
  @ApiProperty({ enum: COMPLAINT_FINDINGS }) @IsIn(COMPLAINT_FINDINGS) finding: ComplaintFinding;
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'shown to the complainant by receipt code' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsPlainText()
  reply: string;
}

export class UnregisteredQuery {
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}

/** One open `unregistered` report of `GET /complaints/unregistered.geojson`. */
export class UnregisteredPropertiesView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'its group: reports within 100 m of each other share it' }) group: string;
  @ApiProperty({ type: 'integer', description: 'reports in the group' }) reports: number;
  @ApiProperty({ type: String, nullable: true }) providerName: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ example: '220102' }) regionCode: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UnregisteredFeatureView {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: PointGeometryView, description: 'where it was reported' }) geometry: PointGeometryView;
  @ApiProperty({ type: UnregisteredPropertiesView }) properties: UnregisteredPropertiesView;
}

export class UnregisteredView {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [UnregisteredFeatureView] }) features: UnregisteredFeatureView[];
}
