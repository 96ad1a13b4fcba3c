import {
  DOCUMENT_TYPES,
  DocumentType,
  DocumentUnit,
  ImportRowError,
  IssueDocumentInput,
  IssueJobCsvRequest,
  IssueJobErrorBody,
  IssueJobRequest,
  JOB_CSV_COLUMNS,
  MAX_JOB_DOCUMENTS,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const MAX_ID = 4294967295;

class DocumentUnitDto implements DocumentUnit {
  @ApiProperty({ type: String, nullable: true, example: 'F/617/5038' }) code: string | null;
  @ApiProperty({ example: 'Health and safety in the workshop' }) title: string;
}

/** One document of a JSON job; its values are checked row by row (IssueJobErrorBody lists each problem with its position). */
export class IssueDocumentInputDto implements IssueDocumentInput {
  @ApiProperty({ example: '0002124', maxLength: 20 }) enrolmentNumber: string;
  @ApiProperty({ example: 'Łukasz', maxLength: 100 }) firstName: string;
  @ApiProperty({ example: 'Wójcik', maxLength: 100 }) lastName: string;
  @ApiProperty({ example: '2004-05-17', description: 'YYYY-MM-DD' })
  dateOfBirth: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "the learner's, for notices",
  })
  email?: string | null;
  @ApiProperty({ example: '603/7506/5', maxLength: 16 })
  qualificationCode: string;
  @ApiProperty({
    example: 'Level 3 Diploma in Light Vehicle Maintenance',
    maxLength: 255,
  })
  qualificationTitle: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) documentType: DocumentType;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 }) grade?: string | null;
  @ApiProperty({ example: '2025-07-14', description: 'YYYY-MM-DD' })
  awardDate: string;
  @ApiPropertyOptional({
    type: [DocumentUnitDto],
    description: 'required for unit certificates and records of achievement',
  })
  units?: DocumentUnit[];
}

export class IssueJobDto implements IssueJobRequest {
  @ApiProperty({ example: 12 })
  @IsInt({ message: 'centreId must be the id of a centre' })
  @Min(1, { message: 'centreId must be the id of a centre' })
  @Max(MAX_ID, { message: 'centreId must be the id of a centre' })
  centreId: number;

  @ApiProperty({ type: [IssueDocumentInputDto], maxItems: MAX_JOB_DOCUMENTS })
  @IsArray({ message: 'documents must be a list of documents' })
  @ArrayMinSize(1, { message: 'documents must hold at least one document' })
  @ArrayMaxSize(MAX_JOB_DOCUMENTS, {
    message: `A job can hold at most ${MAX_JOB_DOCUMENTS} documents; split it into several jobs`,
  })
  @IsObject({ each: true, message: 'each of documents must be an object' })
  documents: IssueDocumentInput[];
}

export class IssueJobCsvDto implements IssueJobCsvRequest {
  @ApiProperty({ example: 12 })
  @IsInt({ message: 'centreId must be the id of a centre' })
  @Min(1, { message: 'centreId must be the id of a centre' })
  @Max(MAX_ID, { message: 'centreId must be the id of a centre' })
  centreId: number;

  @ApiProperty({
    description: `CSV text with a header row naming the columns (${JOB_CSV_COLUMNS.join(', ')})`,
  })
  @IsString({ message: 'csv must be the text of a CSV file' })
  @MinLength(1, { message: 'csv must be the text of a CSV file' })
  @MaxLength(8_000_000, {
    message: 'csv must be the text of a CSV file of at most 8,000,000 characters',
  })
  csv: string;
}

class ImportRowErrorDto implements ImportRowError {
  @ApiProperty() line: number;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class IssueJobErrorBodyDto implements Partial<IssueJobErrorBody> {
  @ApiProperty() statusCode: number;
  @ApiProperty() message: string;
  @ApiProperty({ type: [ImportRowErrorDto] }) rowErrors: ImportRowError[];
}
