import { EmailTemplate } from './email-template';

/** A centre reported a problem on a document: the Centre Services team is told, with the details the guide lists. */
export const DOCUMENT_ISSUE_REPORTED: EmailTemplate = {
  name: 'document-issue-reported',
  subject: 'Document issue {{reference}}: {{reasonLabel}} ({{centreNumber}})',
  html: `<p>A centre has reported an issue on a document.</p>
<table role="presentation" cellpadding="4" cellspacing="0" style="border-collapse:collapse;">
<tr><td><strong>Reference:</strong></td><td>{{reference}}</td></tr>
<tr><td><strong>Reporter's Name:</strong></td><td>{{reporterName}}</td></tr>
<tr><td><strong>Reporter's Email:</strong></td><td>{{reporterEmail}}</td></tr>
<tr><td><strong>Student's Enrolment Number:</strong></td><td>{{enrolmentNumber}}</td></tr>
<tr><td><strong>Qualification Title:</strong></td><td>{{qualification}}</td></tr>
<tr><td><strong>Centre:</strong></td><td>{{centreNumber}} {{centreName}}</td></tr>
<tr><td><strong>Document:</strong></td><td>{{documentNumber}} ({{learnerName}})</td></tr>
<tr><td><strong>Issue reason:</strong></td><td>{{reasonLabel}}</td></tr>
</table>
<p><strong>Issue description:</strong></p>
<p style="white-space:pre-wrap;">{{description}}</p>
<p><a href="{{triageUrl}}" style="color:#12355b;">Open the report</a></p>`,
  text: `A centre has reported an issue on a document.

Reference: {{reference}}
Reporter's Name: {{reporterName}}
Reporter's Email: {{reporterEmail}}
Student's Enrolment Number: {{enrolmentNumber}}
Qualification Title: {{qualification}}
Centre: {{centreNumber}} {{centreName}}
Document: {{documentNumber}} ({{learnerName}})
Issue reason: {{reasonLabel}}

Issue description:
{{description}}

Open the report: {{triageUrl}}`,
};
