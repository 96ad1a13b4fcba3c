import { ROLES, Role, SessionResponse, SessionUser } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

class SessionCentreDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty() id: number;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: SessionCentreDto, nullable: true }) centre: SessionCentreDto | null;
}

export class SessionResponseDto implements SessionResponse {
  @ApiProperty({ type: SessionUserDto, nullable: true }) user: SessionUserDto | null;
}
