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
  ValidateIf,
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

/**
 * Omitted is fine (a draft saved incomplete: the field stays empty until given), null is refused like any other bad
 * value: the filing checks at submission name every field still empty (profile_complete).
 */
const Omittable = () => ValidateIf((_o: unknown, value: unknown) => value !== undefined);
const LATER = 'may be left out of a draft; required at submission';

/**
 * A new facility, a draft: its name and location (which place it in its unit) are required; the rest may come later
 * (issue #18, item 5), each checked as given; the flags default to false and the documents to none.
 */
export class CreateFacilityDto {
  @ApiProperty({ example: '阳光宝贝托育中心', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ example: '91220102MA0000000X', description: `统一社会信用代码 (GB 32100-2015, checked); ${LATER}` })
  @Omittable()
  @IsString()
  @Matches(CREDIT_CODE_SHAPE)
  @HasValidChecksum(CREDIT_CODE_SHAPE, isValidCreditCode)
  creditCode?: string;
  @ApiPropertyOptional({ enum: FACILITY_KINDS, description: LATER }) @Omittable() @IsIn(FACILITY_KINDS) kind?: FacilityKind;
  @ApiPropertyOptional({ enum: OWNERSHIPS, description: LATER }) @Omittable() @IsIn(OWNERSHIPS) ownership?: Ownership;
  @ApiPropertyOptional({ description: '普惠; false when left out' }) @Omittable() @IsBoolean() affordable?: boolean;
  @ApiPropertyOptional({ description: '医育结合; false when left out' }) @Omittable() @IsBoolean() medicalIntegrated?: boolean;
  @ApiPropertyOptional({ description: 'false when left out' }) @Omittable() @IsBoolean() servesMeals?: boolean;
  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true, description: LATER })
  @Omittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes?: ServiceType[];
  @ApiPropertyOptional({ example: '长春市南关区人民大街 1000 号', maxLength: 200, description: LATER })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address?: string;
  @ApiProperty({ type: LocationDto }) @IsObject() @ValidateNested() @Type(() => LocationDto) location: LocationDto;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [1, 2], description: `storeys used; basement 0 or below; ${LATER}` })
  @Omittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(-5, { each: true })
  @Max(100, { each: true })
  floors?: number[];
  @ApiPropertyOptional({ example: 360, description: LATER }) @Omittable() @IsDecimal(2) @Min(0) @Max(100000) indoorAreaM2?: number;
  @ApiPropertyOptional({ example: 200, description: LATER }) @Omittable() @IsDecimal(2) @Min(0) @Max(100000) outdoorAreaM2?: number;
  @ApiPropertyOptional({ type: 'integer', example: 2800, description: `CNY per month; ${LATER}` })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  monthlyFee?: number;
  @ApiPropertyOptional({ example: '0431-88880000', description: LATER }) @Omittable() @IsString() @Matches(PHONE) phone?: string;
  @ApiPropertyOptional({ example: '07:30-17:30', description: LATER }) @Omittable() @IsString() @Matches(HOURS) openingHours?: string;
  @ApiPropertyOptional({ type: 'integer', example: 2, description: LATER }) @Omittable() @IsInt() @Min(0) @Max(50) exitCount?: number;
  @ApiPropertyOptional({ description: '24-hour video of children’s areas, 90 days kept (declared); false when left out' })
  @Omittable()
  @IsBoolean()
  surveillance?: boolean;
  @ApiPropertyOptional({ type: [FilingDocumentDto], description: 'none when left out; the filing checks name the missing ones' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FilingDocumentDto)
  documents?: FilingDocumentDto[];
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

const DRAFT_EMPTY = 'null only in a draft that has not given it yet';

export class FacilityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: DRAFT_EMPTY }) creditCode: string | null;
  @ApiProperty({ enum: FACILITY_KINDS, nullable: true, description: DRAFT_EMPTY }) kind: FacilityKind | null;
  @ApiProperty({ enum: OWNERSHIPS, nullable: true, description: DRAFT_EMPTY }) ownership: Ownership | null;
  @ApiProperty({ description: 'the operator’s application for 普惠 status (recognition: affordableRecognition)' }) affordable: boolean;
  @ApiProperty({ type: AffordableRecognitionView, nullable: true, description: 'read-only: 普惠 recognition by the health regulator' })
  affordableRecognition: AffordableRecognitionView | null;
  @ApiProperty() medicalIntegrated: boolean;
  @ApiProperty() servesMeals: boolean;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true, nullable: true, description: DRAFT_EMPTY }) serviceTypes: ServiceType[] | null;
  @ApiProperty({ type: String, nullable: true, description: DRAFT_EMPTY }) address: string | null;
  @ApiProperty({ type: LocationDto }) location: { lat: number; lng: number };
  @ApiProperty({ type: 'integer', isArray: true, nullable: true, description: DRAFT_EMPTY }) floors: number[] | null;
  @ApiProperty({ type: Number, nullable: true, description: DRAFT_EMPTY }) indoorAreaM2: number | null;
  @ApiProperty({ type: Number, nullable: true, description: DRAFT_EMPTY }) outdoorAreaM2: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: DRAFT_EMPTY }) monthlyFee: number | null;
  @ApiProperty({ type: String, nullable: true, description: DRAFT_EMPTY }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: DRAFT_EMPTY }) openingHours: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: DRAFT_EMPTY }) exitCount: number | null;
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
  @ApiPropertyOptional({
    description: 'name, registration number or credit code contains it (one without three letters or digits in a row: the name)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
