import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AcceptedResponse,
  ChangePasswordRequest,
  ForgotPasswordRequest,
  MessageResponse,
  Profile,
  RegisterRequest,
  ResendVerificationRequest,
  ResetPasswordRequest,
  SessionResponse,
  SignInRequest,
  UpdateProfileRequest,
  VerifyEmailRequest,
  VerifyEmailResponse,
} from '@achievement/contracts';
import { Observable } from 'rxjs';

/** The portal shell's typed client of the API (types from @achievement/contracts). */
@Injectable({ providedIn: 'root' })
export class PortalApiClient {
  private readonly http = inject(HttpClient);

  /** Who is signed in (user null when nobody is); also hands out the XSRF-TOKEN cookie. */
  getSession(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>('/api/auth/session');
  }

  signIn(credentials: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>('/api/auth/sign-in', credentials);
  }

  signOut(): Observable<void> {
    return this.http.post<void>('/api/auth/sign-out', null);
  }

  /** Ends every session of the user, this one included (204). */
  signOutEverywhere(): Observable<void> {
    return this.http.post<void>('/api/auth/sign-out-everywhere', null);
  }

  /** Registration of centre staff: always 202 with the same answer. */
  register(request: RegisterRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/registrations', request);
  }

  /** Follows the link of the verification email; 400 when the link is not valid, used or expired. */
  verifyEmail(request: VerifyEmailRequest): Observable<VerifyEmailResponse> {
    return this.http.post<VerifyEmailResponse>('/api/registrations/verify', request);
  }

  /** A new verification link: always 202 with the same answer. */
  resendVerification(request: ResendVerificationRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/registrations/resend', request);
  }

  /** A password reset link: always 202 with the same answer. */
  forgotPassword(request: ForgotPasswordRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>('/api/auth/forgot-password', request);
  }

  /** Sets a new password with the token of the reset link; every session of the user ends. */
  resetPassword(request: ResetPasswordRequest): Observable<MessageResponse> {
    return this.http.post<MessageResponse>('/api/auth/reset-password', request);
  }

  /** 204; every other session of the user ends. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/change-password', request);
  }

  getProfile(): Observable<Profile> {
    return this.http.get<Profile>('/api/profile');
  }

  updateProfile(changes: UpdateProfileRequest): Observable<Profile> {
    return this.http.patch<Profile>('/api/profile', changes);
  }
}
