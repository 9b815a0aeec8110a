import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HasValidChecksum, IsDateOnly, IsDecimal, PageQuery } from '@lib/core';
import {
  AFFORDABLE_DECISIONS,
  AFFORDABLE_STATUSES,
  DOCUMENT_TYPES,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  OWNERSHIPS,
  RATINGS,
  SERVICE_TYPES,
  TENURES,
  isValidCreditCode,
  type AffordableDecision,
  type AffordableStatus,
  type DocumentType,
  type FilingDocument,
  type FacilityKind,
  type FacilityStatus,
  type Ownership,
  type Rating,
  type ServiceType,
  type Tenure,
} from '@lib/standards';

export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

export class LocationDto {
  @ApiProperty({ example: 43.865, minimum: -90, maximum: 90 }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 125.335, minimum: -180, maximum: 180 }) @IsNumber() @Min(-180) @Max(180) lng: number;
}

export class FilingDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) type: DocumentType;
  @ApiProperty({ example: 'JY22201020001234', maxLength: 60 }) @IsString() @MinLength(1) @MaxLength(60) number: string;
  @ApiProperty({ example: '2024-03-01', format: 'date' }) @IsDateOnly() issuedOn: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() expiresOn?: string | null;
  @ApiPropertyOptional({ description: 'legal_entity: the registered scope includes 托育服务' })
  @IsOptional()
  @IsBoolean()
  scopeIncludesChildcare?: boolean;
  @ApiPropertyOptional({ enum: TENURES, description: 'premises' }) @IsOptional() @IsIn(TENURES) tenure?: Tenure;
  @ApiPropertyOptional({ format: 'date', description: 'premises, when leased' }) @IsOptional() @IsDateOnly() leaseEndsOn?: string;
  @ApiPropertyOptional({ enum: RATINGS, description: 'health_evaluation' }) @IsOptional() @IsIn(RATINGS) rating?: Rating;
}

export class CreateFacilityDto {
  @ApiProperty({ example: '阳光宝贝托育中心', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ example: '91220102MA0000000X', description: '统一社会信用代码 (GB 32100-2015, checked)' })
  @IsString()
  @Matches(CREDIT_CODE_SHAPE)
  @HasValidChecksum(CREDIT_CODE_SHAPE, isValidCreditCode)
  creditCode: string;
  @ApiProperty({ enum: FACILITY_KINDS }) @IsIn(FACILITY_KINDS) kind: FacilityKind;
  @ApiProperty({ enum: OWNERSHIPS }) @IsIn(OWNERSHIPS) ownership: Ownership;
  @ApiProperty({ description: '普惠' }) @IsBoolean() affordable: boolean;
  @ApiProperty({ description: '医育结合' }) @IsBoolean() medicalIntegrated: boolean;
  @ApiProperty() @IsBoolean() servesMeals: boolean;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes: ServiceType[];
  @ApiProperty({ example: '长春市南关区人民大街 1000 号', maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) address: string;
  @ApiProperty({ type: LocationDto }) @IsObject() @ValidateNested() @Type(() => LocationDto) location: LocationDto;
  @ApiProperty({ type: 'integer', isArray: true, example: [1, 2], description: 'storeys used; basement 0 or below' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(-5, { each: true })
  @Max(100, { each: true })
  floors: number[];
  @ApiProperty({ example: 360 }) @IsDecimal(2) @Min(0) @Max(100000) indoorAreaM2: number;
  @ApiProperty({ example: 200 }) @IsDecimal(2) @Min(0) @Max(100000) outdoorAreaM2: number;
  @ApiProperty({ type: 'integer', example: 2800, description: 'CNY per month' }) @IsInt() @Min(0) @Max(100000) monthlyFee: number;
  @ApiProperty({ example: '0431-88880000' }) @IsString() @Matches(PHONE) phone: string;
  @ApiProperty({ example: '07:30-17:30' }) @IsString() @Matches(HOURS) openingHours: string;
  @ApiProperty({ type: 'integer', example: 2 }) @IsInt() @Min(0) @Max(50) exitCount: number;
  @ApiProperty({ description: '24-hour video of children’s areas, 90 days kept (declared)' }) @IsBoolean() surveillance: boolean;
  @ApiProperty({ type: [FilingDocumentDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FilingDocumentDto)
  documents: FilingDocumentDto[];
}

/** Every field optional, none nullable: `null` is validated (and refused) like any other value. */
export class UpdateFacilityDto extends PartialType(CreateFacilityDto, { skipNullProperties: false }) {}

export class AffordableRecognitionView {
  @ApiProperty({ enum: AFFORDABLE_STATUSES }) status: AffordableStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'CNY per month; set on recognition' }) maxMonthlyFee: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class AffordableDecisionDto {
  @ApiProperty({ enum: AFFORDABLE_DECISIONS }) @IsIn(AFFORDABLE_DECISIONS) decision: AffordableDecision;
  @ApiPropertyOptional({ type: 'integer', description: 'recognize: the fee ceiling, CNY per month (at most AFFORDABLE_MAX_MONTHLY_FEE)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  maxMonthlyFee?: number;
  @ApiPropertyOptional({ format: 'date', description: 'recognize: the recognition expires after this day' })
  @IsOptional()
  @IsDateOnly()
  validUntil?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(500) reason?: string;
}

export class FacilityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: FACILITY_KINDS }) kind: FacilityKind;
  @ApiProperty({ enum: OWNERSHIPS }) ownership: Ownership;
  @ApiProperty({ description: 'the operator’s application for 普惠 status (recognition: affordableRecognition)' }) affordable: boolean;
  @ApiProperty({ type: AffordableRecognitionView, nullable: true, description: 'read-only: 普惠 recognition by the health regulator' })
  affordableRecognition: AffordableRecognitionView | null;
  @ApiProperty() medicalIntegrated: boolean;
  @ApiProperty() servesMeals: boolean;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes: ServiceType[];
  @ApiProperty() address: string;
  @ApiProperty({ type: LocationDto }) location: { lat: number; lng: number };
  @ApiProperty({ type: 'integer', isArray: true }) floors: number[];
  @ApiProperty() indoorAreaM2: number;
  @ApiProperty() outdoorAreaM2: number;
  @ApiProperty({ type: 'integer' }) monthlyFee: number;
  @ApiProperty() phone: string;
  @ApiProperty() openingHours: string;
  @ApiProperty({ type: 'integer' }) exitCount: number;
  @ApiProperty() surveillance: boolean;
  @ApiProperty({ type: [FilingDocumentDto] }) documents: FilingDocument[];
  @ApiProperty({ example: '220102', description: 'read-only: the unit whose boundary covers the location' }) regionCode: string;
  @ApiProperty({ enum: FACILITY_STATUSES, description: 'read-only' }) status: FacilityStatus;
  @ApiProperty({ type: String, nullable: true, description: 'read-only: assigned at approval' }) registrationNo: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'read-only' }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'read-only: reason of the last suspension or closure' }) statusReason:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'read-only: when it was last submitted for filing' })
  submittedAt: string | null;
  @ApiProperty({ description: 'read-only: submitted and waiting longer than the review deadline (REVIEW_DEADLINE_WORKING_DAYS)' })
  reviewOverdue: boolean;
  @ApiProperty({ type: 'integer', description: 'read-only; ETag and If-Match carry it' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'closed facilities: the placement plan stored at closure' }) placementPlan?: unknown;
}

export class FacilityListView {
  @ApiProperty({ type: [FacilityView] }) items: FacilityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FacilityListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FACILITY_STATUSES }) @IsOptional() @IsIn(FACILITY_STATUSES) status?: FacilityStatus;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
  @ApiPropertyOptional({ description: 'name, address, credit code or registration number contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
