import { CONTACT_IMPORT_COLUMNS, ImportContactsRequest, ImportContactsResponse, ImportRowError } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RawTextField } from '../../validation/field-rules';

export class ImportContactsDto implements ImportContactsRequest {
  @ApiProperty({ description: `CSV text with a header row naming the columns ${CONTACT_IMPORT_COLUMNS.join(', ')}` })
  @RawTextField('csv', 1, 1_900_000, 'the text of a CSV file')
  csv: string;
}

export class ImportContactsResponseDto implements ImportContactsResponse {
  @ApiProperty() imported: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty() line: number;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}
