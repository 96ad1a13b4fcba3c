import { Platform1764300000000 } from './1764300000000-platform';
import { Identity1764300001000 } from './1764300001000-identity';
import { Documents1764300002000 } from './1764300002000-documents';
import { IdentityRegistration1764310000000 } from './1764310000000-identity-registration';
import { DocumentsIssuing1764320000000 } from './1764320000000-documents-issuing';
import { DocumentsRecords1764330000000 } from './1764330000000-documents-records';
import { Verification1764340000000 } from './1764340000000-verification';
import { Downloads1764350000000 } from './1764350000000-downloads';
import { Sharing1764360000000 } from './1764360000000-sharing';
import { Commerce1764370000000 } from './1764370000000-commerce';
import { VerificationLogHits1764380000000 } from './1764380000000-verification-log-hits';
import { RecordsLetterFolding1764390000000 } from './1764390000000-records-letter-folding';
import { RecordsSurnameSort1764391000000 } from './1764391000000-records-surname-sort';
import { SharingRequests1796238841000 } from './1796238841000-sharing-requests';
import { PaymentRechecks1796240035000 } from './1796240035000-payment-rechecks';
import { CentreCreditInAccounts1796247181000 } from './1796247181000-centre-credit-in-accounts';
import { CommerceOrdersSafety1796262364672 } from './1796262364672-commerce-orders-safety';
import { DocumentsCentreCopies1796263115552 } from './1796263115552-documents-centre-copies';
import { IdentitySecondFactor1796300000000 } from './1796300000000-identity-second-factor';

/** Every migration, in order. Listed explicitly so bundlers and tests need no file globbing. */
export const MIGRATIONS = [
  Platform1764300000000,
  Identity1764300001000,
  Documents1764300002000,
  IdentityRegistration1764310000000,
  DocumentsIssuing1764320000000,
  DocumentsRecords1764330000000,
  Verification1764340000000,
  Downloads1764350000000,
  Sharing1764360000000,
  Commerce1764370000000,
  VerificationLogHits1764380000000,
  RecordsLetterFolding1764390000000,
  RecordsSurnameSort1764391000000,
  SharingRequests1796238841000,
  PaymentRechecks1796240035000,
  CentreCreditInAccounts1796247181000,
  CommerceOrdersSafety1796262364672,
  DocumentsCentreCopies1796263115552,
  IdentitySecondFactor1796300000000,
];
