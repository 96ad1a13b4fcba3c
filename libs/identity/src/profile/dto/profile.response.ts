import { Profile, PROFILE_NOTICE, ROLES, Role } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

class ProfileCentreDto {
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

export class ProfileResponseDto implements Profile {
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) jobTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) addressLine1: string | null;
  @ApiProperty({ type: String, nullable: true }) addressLine2: string | null;
  @ApiProperty({ type: String, nullable: true }) town: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2' }) country: string | null;
  @ApiProperty({ type: ProfileCentreDto, nullable: true }) centre: ProfileCentreDto | null;
  @ApiProperty({ example: PROFILE_NOTICE }) notice: string;
}
