/*
 * The second factor: authenticator apps (TOTP), passkeys and security keys (WebAuthn), recovery
 * codes. Paths are under /api. Times are ISO 8601 UTC strings.
 *
 * Sign-in is two steps. POST /api/auth/sign-in with the right password answers 200 with
 * `{ user: null, pending }` when the account has a factor (pending.step 'second_factor') or must
 * enrol one (pending.step 'enrolment'); the session is then half signed in: it may only finish the
 * second step (or enrol), read GET /api/auth/session and sign out, and it expires after
 * PENDING_SESSION_MINUTES. Every other route answers 401 SECOND_FACTOR_REQUIRED or
 * 403 ENROLMENT_REQUIRED. Once the second factor passes, the session gets a new cookie and is full.
 *
 * Step-up: routes that revoke or reissue documents, deregister accounts, change a credit limit,
 * change one's own factors or reset someone's factors answer 403 STEP_UP_REQUIRED when the second
 * factor was last given more than STEP_UP_MINUTES ago. The client asks for a factor through the same
 * /api/auth/second-factor/* routes, then repeats the request.
 */

export const SECOND_FACTOR_KINDS = ['totp', 'passkey', 'recovery_code'] as const;
export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];

/** How long a half-signed-in session lives. */
export const PENDING_SESSION_MINUTES = 10;
/** How long after a second factor the step-up routes go ahead without asking again. */
export const STEP_UP_MINUTES = 5;
/** How many recovery codes a set holds. */
export const RECOVERY_CODE_COUNT = 10;

/** Stable error codes (ApiErrorBody.code) of the second factor. */
export const SECOND_FACTOR_ERRORS = {
  /** 401: the session is half signed in; give the second factor first. */
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  /** 403: the account must enrol a second factor before it can do anything else. */
  ENROLMENT_REQUIRED: 'ENROLMENT_REQUIRED',
  /** 403: give the second factor again, then repeat the request. */
  STEP_UP_REQUIRED: 'STEP_UP_REQUIRED',
  /** 400: the code (or passkey answer) was wrong, out of date or already used. */
  CODE_INCORRECT: 'CODE_INCORRECT',
  /** 429: too many wrong codes on this account for now. */
  TOO_MANY_CODES: 'TOO_MANY_CODES',
  /** 409: an authenticator app is already set up (remove it first). */
  TOTP_ALREADY_ENROLLED: 'TOTP_ALREADY_ENROLLED',
  /** 409: no authenticator app set-up was started, or it expired. */
  TOTP_NOT_STARTED: 'TOTP_NOT_STARTED',
  /** 409: an account that must use a second factor cannot remove its last one. */
  LAST_FACTOR: 'LAST_FACTOR',
  /** 403: nobody resets their own factors. */
  OWN_FACTORS: 'OWN_FACTORS',
  /** 404: no such passkey of this account. */
  PASSKEY_NOT_FOUND: 'PASSKEY_NOT_FOUND',
  /** 404: this account has no authenticator app to remove. */
  TOTP_NOT_FOUND: 'TOTP_NOT_FOUND',
  /** 409: recovery codes stand in for an authenticator app or a passkey: set one up first. */
  NO_FACTOR: 'NO_FACTOR',
} as const;
export type SecondFactorErrorCode = (typeof SECOND_FACTOR_ERRORS)[keyof typeof SECOND_FACTOR_ERRORS];

/** Part of SessionResponse while the session is half signed in. */
export interface PendingSignIn {
  /** 'second_factor': give one of `methods`; 'enrolment': set up a factor first. */
  step: 'second_factor' | 'enrolment';
  /** the factors this account can answer with (empty while enrolling) */
  methods: SecondFactorKind[];
  /** the account's name, to greet the person on the second step */
  name: string;
  /** when the half-signed-in session ends */
  expiresAt: string;
}

/** POST /api/auth/second-factor/totp and /api/auth/second-factor/recovery-code */
export interface SecondFactorCodeRequest {
  code: string;
}

/** POST /api/auth/second-factor/passkey/options → PublicKeyCredentialRequestOptionsJSON (from @simplewebauthn) */
/** POST /api/auth/second-factor/passkey, body: { response: AuthenticationResponseJSON } → SessionResponse */

/** GET /api/account/factors */
export interface AccountFactors {
  /** whether this account's role must use a second factor */
  required: boolean;
  totp: { createdAt: string; lastUsedAt: string | null } | null;
  passkeys: PasskeySummary[];
  recoveryCodes: { remaining: number; createdAt: string } | null;
}

export interface PasskeySummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** POST /api/account/factors/totp: starts setting up an authenticator app. */
export interface TotpEnrolmentStart {
  /** base32, for typing in by hand */
  secret: string;
  /** otpauth:// URI */
  otpauthUri: string;
  /** the URI as a QR code, an SVG document */
  qrSvg: string;
}

/** POST /api/account/factors/totp/confirm { code } and POST /api/account/factors/passkeys → */
export interface FactorAdded {
  factors: AccountFactors;
  /** a first set of recovery codes, shown once, when the account had none */
  recoveryCodes: string[] | null;
  /** the session as it is now (full, when this ended an enrolment) */
  session: { signedIn: boolean };
}

/** POST /api/account/factors/passkeys/options { } → PublicKeyCredentialCreationOptionsJSON */
/** POST /api/account/factors/passkeys { name, response: RegistrationResponseJSON } → FactorAdded */
export interface PasskeyRegistrationRequest {
  name: string;
  response: unknown;
}

/**
 * DELETE /api/account/factors/totp and DELETE /api/account/factors/passkeys/:id → AccountFactors.
 * POST /api/admin/users/:id/factors/reset → 204 (administrators, step-up; never one's own).
 * AdminUserSummary.secondFactor says whether a user has one.
 */

/** POST /api/account/factors/recovery-codes → a new set; the old one stops working. */
export interface RecoveryCodeSet {
  codes: string[];
}
