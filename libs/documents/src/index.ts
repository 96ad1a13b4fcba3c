export { DocumentsModule } from './documents.module';
export type { DocumentsOptions } from './documents.module';
