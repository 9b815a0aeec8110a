import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_TYPES, AGENCIES, ROLES, STAFF_ACCOUNT_ROLES, type AccountType, type Agency, type Role } from '../roles.js';

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;

/** The fields of every account. */
export class AccountFieldsDto {
  @ApiProperty({ example: 'operator01', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME)
  username: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: '阳光托育中心 张经理', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiPropertyOptional({ example: '13800000000', pattern: '^[0-9+\\- ]{5,20}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;
}

/** Self-registration (POST /auth/register): an operator by default, or a parent. */
export class RegisterDto extends AccountFieldsDto {
  @ApiPropertyOptional({
    enum: ACCOUNT_TYPES,
    default: 'operator',
    description: 'a parent applies for places; an operator runs facilities',
  })
  @IsOptional()
  @IsIn(ACCOUNT_TYPES)
  accountType?: AccountType;
}

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

/** An account created by the admin: staff roles only (parents register themselves). */
export class CreateUserDto extends AccountFieldsDto {
  @ApiProperty({ enum: STAFF_ACCOUNT_ROLES }) @IsIn(STAFF_ACCOUNT_ROLES) role: Role;
  @ApiPropertyOptional({ enum: AGENCIES, description: 'Required for regulators' }) @IsOptional() @IsIn(AGENCIES) agency?: Agency;
  @ApiPropertyOptional({ example: '220102', description: 'Required for regulators: the city 220100 or one unit' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 10, maxLength: 200, description: 'Not common, not containing the username; two kinds of characters or 16+' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10, maxLength: 200, description: 'The password rules of ChangePasswordDto.newPassword' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

/** An admin's change of a user: a regulator's agency and region (re-scoping, effective at the next request), the name. */
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) displayName?: string;
  @ApiPropertyOptional({ enum: AGENCIES }) @IsOptional() @IsIn(AGENCIES) agency?: Agency;
  @ApiPropertyOptional({ example: '220102' }) @IsOptional() @Matches(/^\d{6}$/) regionCode?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional({ enum: AGENCIES }) agency?: Agency;
  @ApiPropertyOptional({ example: '220102' }) regionCode?: string;
  @ApiPropertyOptional({ description: 'Present (true) while an admin has disabled the account' }) disabled?: boolean;
}

export class RegisteredView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) role: AccountType;
}

export class LoginResultView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: 'integer', description: 'seconds' }) expiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
}

export class UserListView {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
