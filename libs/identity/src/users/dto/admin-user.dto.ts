import { AdminUserSummary, Page, ROLES, Role, USER_STATUSES, UserStatus } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IdPageQueryDto } from '../../centres/dto/page-query.dto';
import { CentreRefDto } from '../../dto/centre-ref.dto';
import { RawTextField } from '../../validation/field-rules';

export class AdminUserSummaryDto implements AdminUserSummary {
  @ApiProperty() id: number;
  @ApiProperty() email: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty({ type: CentreRefDto, nullable: true }) centre: CentreRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'whether the account has a second factor (an authenticator app or a passkey)' }) secondFactor: boolean;
}

export class AdminUserPageDto implements Page<AdminUserSummaryDto> {
  @ApiProperty({ type: [AdminUserSummaryDto] }) items: AdminUserSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AdminUserListQueryDto extends IdPageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'deleted accounts are listed only when asked for' })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `status must be one of: ${USER_STATUSES.join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'the start of the email, or part of the name' })
  @IsOptional()
  @RawTextField('q', 0, 100)
  q?: string;
}
