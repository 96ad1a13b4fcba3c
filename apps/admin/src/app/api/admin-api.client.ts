import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { EmailDetail, EmailStatus, EmailSummary, Page, SendTestEmailRequest, SessionResponse } from '@achievement/contracts';
import { Observable } from 'rxjs';

/** A query of the Email log: one page, newest first, optionally of one status. */
export interface EmailLogQuery {
  status?: EmailStatus | null;
  /** nextCursor of the previous page. */
  cursor?: string | null;
  limit?: number;
}

/**
 * The admin app's typed client of the API (types from @achievement/contracts). Loaded into the
 * portal it uses the portal's HttpClient (XSRF header, 401 handling); run alone, its own.
 */
@Injectable({ providedIn: 'root' })
export class AdminApiClient {
  private readonly http = inject(HttpClient);

  /** Who is signed in, to offer only what the role may do (the API still decides). */
  getSession(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>('/api/auth/session');
  }

  listEmails(query: EmailLogQuery = {}): Observable<Page<EmailSummary>> {
    let params = new HttpParams();
    if (query.status) {
      params = params.set('status', query.status);
    }
    if (query.cursor) {
      params = params.set('cursor', query.cursor);
    }
    if (query.limit) {
      params = params.set('limit', query.limit);
    }
    return this.http.get<Page<EmailSummary>>('/api/admin/emails', { params });
  }

  getEmail(id: number): Observable<EmailDetail> {
    return this.http.get<EmailDetail>(`/api/admin/emails/${encodeURIComponent(id)}`);
  }

  /** Queues the test message to one address; answers 202 with the new outbox email's id. */
  sendTestEmail(request: SendTestEmailRequest): Observable<{ id: number }> {
    return this.http.post<{ id: number }>('/api/admin/emails/test', request);
  }
}
