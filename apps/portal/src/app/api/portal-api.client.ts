import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SessionResponse, SignInRequest } from '@achievement/contracts';
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
}
