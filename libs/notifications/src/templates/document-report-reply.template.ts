import { EmailTemplate } from './email-template';

/** Support staff answered a centre's report on a document. */
export const DOCUMENT_REPORT_REPLY: EmailTemplate = {
  name: 'document-report-reply',
  subject: 'Your report {{reference}} on document {{documentNumber}}',
  html: `<p>Hello {{reporterName}},</p>
<p>The Centre Services team has replied to your report {{reference}} ({{reasonLabel}}) on document {{documentNumber}} for {{learnerName}}:</p>
<blockquote style="white-space:pre-wrap;border-left:3px solid #d0d7de;margin:0;padding-left:12px;">{{text}}</blockquote>
<p><a href="{{reportsUrl}}" style="color:#12355b;">See your reports</a></p>`,
  text: `Hello {{reporterName}},

The Centre Services team has replied to your report {{reference}} ({{reasonLabel}}) on document {{documentNumber}} for {{learnerName}}:

{{text}}

See your reports: {{reportsUrl}}`,
};
