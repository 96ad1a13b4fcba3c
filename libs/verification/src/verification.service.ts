import { PdfCheckResult, VerificationMethod, VerificationResult } from '@achievement/contracts';
import { VerifiableDocument, VerifiableDocuments } from '@achievement/documents';
import { Clock } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { verificationPageHtml } from './page/verification-page';
import { VerificationLogWriter } from './verification-log.writer';
import { ApiError } from '@achievement/platform';

/** A verification code as issued: 24 random bytes in base64url (192 bits). */
const CODE = /^[A-Za-z0-9_-]{32}$/;
/** Looked up instead of a malformed code, so that an unknown and a malformed code take the same path and about the same time. */
const NO_SUCH_CODE = '~'.repeat(32);

export const UNKNOWN_CODE_MESSAGE = 'No document has this verification code. Check the code (it is printed under the QR code) and try again.';

/** The `via` of a look-up: qr when the page was opened from the QR code, code (the default) when typed. */
export function verificationMethodOf(via: unknown): Exclude<VerificationMethod, 'upload'> {
  if (via === undefined) return 'code';
  if (via === 'qr' || via === 'code') return via;
  throw new ApiError('VALIDATION_FAILED', 'via must be qr or code');
}

/** Who asked, as the verification log keeps it (already coarse). */
export interface VerifyingClient {
  client: string;
}

/** Public verification of a document by its code (QR or typed) or by its PDF, each one logged. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly documents: VerifiableDocuments,
    private readonly log: VerificationLogWriter,
    private readonly clock: Clock,
  ) {}

  /** The live status and facts of the document of a code; an unknown and a malformed code give the same 404. */
  async verifyCode(code: string, via: Exclude<VerificationMethod, 'upload'>, who: VerifyingClient): Promise<VerificationResult> {
    return toVerificationResult(await this.lookUp(code, via, who));
  }

  /**
   * The same answer as verifyCode, as JSON text. A document read a moment ago is the same object
   * (VerifiableDocuments keeps it until it changes), so its text is made once, not per look-up.
   */
  async verifyCodeAsJson(code: string, via: Exclude<VerificationMethod, 'upload'>, who: VerifyingClient): Promise<string> {
    const doc = await this.lookUp(code, via, who);
    let json = this.serialized.get(doc);
    if (json === undefined) {
      json = JSON.stringify(toVerificationResult(doc));
      this.serialized.set(doc, json);
    }
    return json;
  }

  private readonly serialized = new WeakMap<VerifiableDocument, string>();

  /** The verification page of a code (HTML), the look-up logged as verifyCode's; made once per document read, as the JSON is. */
  async verifyCodeAsPage(code: string, via: Exclude<VerificationMethod, 'upload'>, who: VerifyingClient): Promise<string> {
    const doc = await this.lookUp(code, via, who);
    let html = this.pages.get(doc);
    if (html === undefined) {
      html = verificationPageHtml(doc.verificationCode, toVerificationResult(doc));
      this.pages.set(doc, html);
    }
    return html;
  }

  private readonly pages = new WeakMap<VerifiableDocument, string>();

  /** The document of a code, the look-up logged; 404 when there is none. */
  private async lookUp(code: string, via: Exclude<VerificationMethod, 'upload'>, who: VerifyingClient): Promise<VerifiableDocument> {
    const doc = await this.documents.findByCode(CODE.test(code) ? code : NO_SUCH_CODE);
    this.log.append({
      documentId: doc?.id ?? null,
      method: via,
      client: who.client,
      at: this.clock.now(),
    });
    if (!doc) throw new ApiError('VERIFICATION_CODE_NOT_FOUND', UNKNOWN_CODE_MESSAGE);
    return doc;
  }

  /** The PDF of the document of a code, only where showing it is enabled; otherwise the same 404 as an unknown code. */
  async documentOf(code: string): Promise<{ pdf: Buffer; documentNumber: string }> {
    const doc = await this.documents.findByCode(CODE.test(code) ? code : NO_SUCH_CODE);
    const pdf = doc && displayEnabled(doc) ? await this.documents.openPdf(doc.id) : null;
    if (!doc || !pdf) throw new ApiError('VERIFICATION_CODE_NOT_FOUND', UNKNOWN_CODE_MESSAGE);
    return { pdf, documentNumber: doc.documentNumber };
  }

  /**
   * Whether a file is, byte for byte, an issued document, or the centre copy of one (by the
   * SHA-256s kept when they were made). A centre copy answers whose document it is and its live
   * status, and that it is not the document.
   */
  async checkPdf(file: Buffer, who: VerifyingClient): Promise<PdfCheckResult> {
    const sha256 = createHash('sha256').update(file).digest('hex');
    const original = await this.documents.findBySha256(sha256);
    const copyOf = original ? null : await this.documents.findByCentreCopySha256(sha256);
    const doc = original ?? copyOf;
    this.log.append({
      documentId: doc?.id ?? null,
      method: 'upload',
      client: who.client,
      at: this.clock.now(),
    });
    return {
      kind: original ? 'genuine' : copyOf ? 'centre-copy' : 'not-issued',
      genuine: original !== null,
      document: doc ? toVerificationResult(doc) : null,
      sha256,
    };
  }
}

/**
 * The document is shown on its page when its setting (or its qualification's) says so, it has
 * been rendered, and it is still the valid version: a revoked or superseded document's file is not
 * offered as if it stood (its facts and status are).
 */
export function displayEnabled(doc: VerifiableDocument): boolean {
  return doc.displayOnVerify && doc.rendered && doc.status === 'valid';
}

function toVerificationResult(doc: VerifiableDocument): VerificationResult {
  return {
    status: doc.status,
    revokedAt: doc.revokedAt ? doc.revokedAt.toISOString() : null,
    currentVersionCode: doc.currentVersionCode,
    learnerName: doc.learnerName,
    qualification: {
      code: doc.qualificationCode,
      title: doc.qualificationTitle,
    },
    type: doc.type,
    grade: doc.grade,
    awardDate: doc.awardDate,
    centre: { number: doc.centreNumber, name: doc.centreName },
    documentNumber: doc.documentNumber,
    issuedAt: doc.issuedAt.toISOString(),
    displayEnabled: displayEnabled(doc),
  };
}
