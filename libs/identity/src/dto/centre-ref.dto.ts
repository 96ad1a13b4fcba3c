import { ApiProperty } from '@nestjs/swagger';

/** A centre as other answers refer to it. */
export class CentreRefDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}
