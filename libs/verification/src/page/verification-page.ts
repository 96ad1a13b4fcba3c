import { DocumentStatus, VERIFY_PATH, VerificationResult, verificationFacts, verificationStatusWords } from '@achievement/contracts';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { VERIFICATION_PAGE_STYLES, VERIFICATION_PAGE_TEMPLATE } from './verification-page.template';

/** A Material Symbols icon (outlined, weight 400) as inline SVG, hidden from assistive technology: the words beside it say the same. */
function icon(name: string): string {
  const svg = readFileSync(require.resolve(`@material-symbols/svg-400/outlined/${name}.svg`), 'utf8').trim();
  return svg.replace(/^<svg /, '<svg class="icon" aria-hidden="true" focusable="false" ').replace(/ width="\d+" height="\d+"/, '');
}

const ICONS = {
  login: icon('login'),
  error: icon('error'),
  refresh: icon('refresh'),
  openInNew: icon('open_in_new'),
};
const STATUS_ICONS: Record<DocumentStatus, string> = {
  valid: icon('verified'),
  revoked: icon('block'),
  superseded: icon('history'),
};

const render = Handlebars.compile(VERIFICATION_PAGE_TEMPLATE);

/** The address of a code's page or one of its parts, the code percent-encoded. */
function verifyPath(code: string, rest = ''): string {
  return `${VERIFY_PATH}/${encodeURIComponent(code)}${rest}`;
}

/** The verification page of a document: its live status, key facts and, where allowed, the document itself. */
export function verificationPageHtml(code: string, result: VerificationResult): string {
  return render({
    styles: VERIFICATION_PAGE_STYLES,
    icons: ICONS,
    doc: {
      status: result.status,
      icon: STATUS_ICONS[result.status],
      words: verificationStatusWords(result),
      currentVersionUrl: result.status === 'superseded' && result.currentVersionCode ? `${verifyPath(result.currentVersionCode)}?via=code` : null,
      facts: verificationFacts(result),
      documentNumber: result.documentNumber,
      documentUrl: result.displayEnabled ? `/api${verifyPath(code, '/document')}` : null,
    },
  });
}

/** The verification page when there is no answer to show: why, and (when trying again can help) the way to. */
export function verificationProblemHtml(message: string, retryUrl: string | null): string {
  return render({ styles: VERIFICATION_PAGE_STYLES, icons: ICONS, problem: { message, retryUrl } });
}
