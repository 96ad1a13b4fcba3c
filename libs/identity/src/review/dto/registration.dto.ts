import {
  ApproveRegistrationRequest,
  ContactCandidate,
  MATCH_FIELDS,
  MatchField,
  Page,
  REGISTRATION_STATUSES,
  RegistrationDetail,
  RegistrationStatus,
  RegistrationSummary,
  RejectRegistrationRequest,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { IdPageQueryDto } from '../../centres/dto/page-query.dto';
import { CentreRefDto } from '../../dto/centre-ref.dto';
import { IdField, rule } from '../../validation/field-rules';

export class RegistrationSummaryDto implements RegistrationSummary {
  @ApiProperty() id: number;
  @ApiProperty() userId: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() centreNumber: string;
  @ApiProperty({ type: CentreRefDto, nullable: true }) centre: CentreRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) verifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: Number, nullable: true }) contactId: number | null;
}

class CandidateContactDto {
  @ApiProperty() id: number;
  @ApiProperty() centreId: number;
  @ApiProperty() centreNumber: string;
  @ApiProperty() centreName: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class DiffersDto implements Record<MatchField, boolean> {
  @ApiProperty() firstName: boolean;
  @ApiProperty() lastName: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() dateOfBirth: boolean;
  @ApiProperty() centreNumber: boolean;
}

export class ContactCandidateDto implements ContactCandidate {
  @ApiProperty({ type: CandidateContactDto }) contact: CandidateContactDto;
  @ApiProperty({ type: DiffersDto, description: `true where the record differs from the registration: ${MATCH_FIELDS.join(', ')}` }) differs: DiffersDto;
}

export class RegistrationDetailDto implements RegistrationDetail {
  @ApiProperty({ type: RegistrationSummaryDto }) registration: RegistrationSummaryDto;
  @ApiProperty({ type: [ContactCandidateDto] }) candidates: ContactCandidateDto[];
}

export class RegistrationPageDto implements Page<RegistrationSummaryDto> {
  @ApiProperty({ type: [RegistrationSummaryDto] }) items: RegistrationSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RegistrationListQueryDto extends IdPageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, default: 'awaiting_review' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `status must be one of: ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;
}

export class ApproveRegistrationDto implements ApproveRegistrationRequest {
  @ApiPropertyOptional({ description: 'a held contact record to link; its centre becomes the account centre' })
  @ValidateIf((o: { contactId?: unknown }) => o.contactId !== undefined)
  @IdField('contactId', 'a contact record')
  contactId?: number;
}

export class RejectRegistrationDto implements RejectRegistrationRequest {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'sent to the person' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @rule('reason', (v) =>
    typeof v === 'string' && v.length >= 1 && v.length <= 500 ? null : 'reason must be text of 1 to 500 characters: say why, as it is sent to the person',
  )
  reason: string;
}
