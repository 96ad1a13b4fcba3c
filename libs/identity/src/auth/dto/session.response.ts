import { ROLES, Role, SessionResponse, SessionUser } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PendingSignInDto } from '../../second-factor/dto/second-factor.dto';

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
  @ApiPropertyOptional({ type: PendingSignInDto, nullable: true, description: 'set while half signed in: the second factor or an enrolment is still to come' })
  pending?: PendingSignInDto | null;
}
