import { VerificationMethod } from '@achievement/contracts';

/** How a verification reached the API, as the log shows it. */
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  qr: 'QR code',
  code: 'Typed code',
  upload: 'PDF upload',
};
