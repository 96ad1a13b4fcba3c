import { ApiErrorBody } from './errors';
import { Role } from './roles';

/*
 * Identity: registration, email verification, the review queue, passwords, profile, centres and
 * their contact records, and deregistration. Paths are under /api.
 */

export const USER_STATUSES = ['pending_verification', 'awaiting_review', 'active', 'rejected', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Password length rules (characters; no truncation, no composition rules). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The answer of the enumeration-safe endpoints (registration, resend, forgot password): always 202 and the same text. */
export interface AcceptedResponse {
  message: string;
}

/** POST /api/registrations (public) → 202 AcceptedResponse. */
export interface RegisterRequest {
  firstName: string;
  lastName: string;
  email: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  centreNumber: string;
  phone: string;
  password: string;
}

/** POST /api/registrations/verify (public): the token from the link `${PUBLIC_URL}/verify-email?token=…`. */
export interface VerifyEmailRequest {
  token: string;
}

/** active: the details matched the body's records and the user can sign in now; awaiting_review: an administrator checks them first. */
export type VerificationOutcome = 'active' | 'awaiting_review';

export interface VerifyEmailResponse {
  outcome: VerificationOutcome;
  message: string;
}

/** POST /api/registrations/resend (public) → 202 AcceptedResponse. */
export interface ResendVerificationRequest {
  email: string;
}

/** POST /api/auth/forgot-password (public) → 202 AcceptedResponse. */
export interface ForgotPasswordRequest {
  email: string;
}

/** POST /api/auth/reset-password (public): the token from `${PUBLIC_URL}/reset-password?token=…` → 200 MessageResponse. */
export interface ResetPasswordRequest {
  token: string;
  password: string;
}

export interface MessageResponse {
  message: string;
}

/** POST /api/auth/change-password (signed in) → 204; every other session of the user ends. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Shown on the profile page. */
export const PROFILE_NOTICE = "Changes here do not update your details held in the body's other systems, such as the Centres Hub.";

/** GET /api/profile (signed in). The address fills the billing and delivery address at checkout. */
export interface Profile {
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  phone: string | null;
  jobTitle: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2, e.g. GB */
  country: string | null;
  centre: { number: string; name: string } | null;
  notice: string;
}

/**
 * PATCH /api/profile (signed in) → 200 Profile. Every field is optional; null clears an optional
 * one. An address is either absent (all null) or has line 1, town, postcode and country.
 */
export interface UpdateProfileRequest {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  jobTitle?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  town?: string | null;
  postcode?: string | null;
  country?: string | null;
}

/* ---------- review queue (administrators) ---------- */

export const REGISTRATION_STATUSES = ['pending_verification', 'matched', 'awaiting_review', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The details compared between a registration and a held contact record. */
export const MATCH_FIELDS = ['firstName', 'lastName', 'email', 'dateOfBirth', 'centreNumber'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A row of GET /api/admin/registrations?status=&cursor= (Page<RegistrationSummary>). */
export interface RegistrationSummary {
  id: number;
  userId: number;
  status: RegistrationStatus;
  firstName: string;
  lastName: string;
  email: string;
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  dateOfBirth: string | null;
  phone: string | null;
  /** the centre number the person gave */
  centreNumber: string;
  /** the centre with that number, when there is one */
  centre: { id: number; number: string; name: string } | null;
  createdAt: string;
  verifiedAt: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  /** the contact record linked on approval or by an automatic match */
  contactId: number | null;
}

export interface ContactCandidate {
  contact: CentreContact & { centreNumber: string; centreName: string };
  /** true where the field differs from what the person registered with (compared ignoring case, accents and spacing) */
  differs: Record<MatchField, boolean>;
}

/** GET /api/admin/registrations/:id: the registration beside the closest held contact records (same centre first). */
export interface RegistrationDetail {
  registration: RegistrationSummary;
  candidates: ContactCandidate[];
}

/** POST /api/admin/registrations/:id/approve → 200 RegistrationSummary. */
export interface ApproveRegistrationRequest {
  /** a held contact record to link; its centre becomes the account's centre */
  contactId?: number;
}

/** POST /api/admin/registrations/:id/reject → 200 RegistrationSummary. */
export interface RejectRegistrationRequest {
  /** 1-500 characters; sent to the person */
  reason: string;
}

/* ---------- centres and contacts (administrators) ---------- */

/** A row of GET /api/admin/centres?q=&cursor= (Page<CentreSummary>, ordered by number). */
export interface CentreSummary {
  id: number;
  number: string;
  name: string;
  centralEmail: string;
  town: string;
  postcode: string;
}

/**
 * GET/POST/PATCH /api/admin/centres[/:id]. A centre's credit (whether it may buy on credit, its
 * limit, what it owes) is its credit account's, under /api/admin/credit-accounts: the one place
 * checkout reads and administrators edit.
 */
export interface CentreDetail extends CentreSummary {
  addressLine1: string;
  addressLine2: string | null;
  country: string;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/admin/centres → 201 CentreDetail; 409 when the number is taken. */
export interface CreateCentreRequest {
  number: string;
  name: string;
  centralEmail: string;
  addressLine1: string;
  addressLine2?: string | null;
  town: string;
  postcode: string;
  /** ISO 3166-1 alpha-2; GB when absent */
  country?: string;
}

/** PATCH /api/admin/centres/:id → 200 CentreDetail. */
export type UpdateCentreRequest = Partial<CreateCentreRequest>;

/** A contact record the body holds for a centre (GET /api/admin/centres/:id/contacts → Page<CentreContact>). */
export interface CentreContact {
  id: number;
  centreId: number;
  firstName: string;
  lastName: string;
  email: string;
  /** YYYY-MM-DD: a calendar date, never an instant (calendarDateText writes it as the PDF prints it) */
  dateOfBirth: string;
  createdAt: string;
}

/** POST /api/admin/centres/:id/contacts → 201 CentreContact; 409 when the centre already has a contact with that email. */
export interface CreateContactRequest {
  firstName: string;
  lastName: string;
  email: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

/** PATCH /api/admin/centres/:id/contacts/:contactId → 200 CentreContact. DELETE → 204. */
export type UpdateContactRequest = Partial<CreateContactRequest>;

/** The CSV columns of a contacts import, in its header row (any order). */
export const CONTACT_IMPORT_COLUMNS = ['centre_number', 'first_name', 'last_name', 'email', 'date_of_birth'] as const;

/** POST /api/admin/centres/contacts/import: CSV text with a header row; all rows or none. */
export interface ImportContactsRequest {
  csv: string;
}

/** 200: every row was written; a row whose centre already holds its email updates that record. */
export interface ImportContactsResponse {
  imported: number;
  created: number;
  updated: number;
}

/** One problem of an import; `line` as a person counts them in the file (the header is line 1). */
export interface ImportRowError {
  line: number;
  /** the CSV column, or "row" for the row as a whole */
  field: string;
  message: string;
}

/** The 400 answer of an import with problems: nothing was imported. */
export interface ImportContactsErrorBody extends ApiErrorBody {
  rowErrors: ImportRowError[];
}

/* ---------- accounts (administrators) ---------- */

/** A row of GET /api/admin/users?role=&status=&q=&cursor= (Page<AdminUserSummary>, newest first). DELETE /api/admin/users/:id → 204. */
export interface AdminUserSummary {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  centre: { id: number; number: string; name: string } | null;
  createdAt: string;
  /** whether the user has a second factor (an authenticator app or a passkey) */
  secondFactor: boolean;
}
