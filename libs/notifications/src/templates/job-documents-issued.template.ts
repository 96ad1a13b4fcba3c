import { EmailTemplate } from './email-template';

/**
 * To a centre's central address when a job's documents are all rendered: the documents issued
 * (listed when few; above that a summary by type and qualification, the full list attached as CSV)
 * and a link to the job on Jobs Issued.
 */
export const JOB_DOCUMENTS_ISSUED: EmailTemplate = {
  name: 'job-documents-issued',
  subject: 'Job {{jobNumber}}: {{documentCount}} {{#if single}}document{{else}}documents{{/if}} issued to {{centreName}}',
  html: `<p>Hello,</p>
<p>The awarding body has issued {{documentCount}} {{#if single}}document{{else}}documents{{/if}} to {{centreName}} ({{centreNumber}}) in job {{jobNumber}}.</p>
{{#if listed}}
<table cellpadding="6" cellspacing="0" style="border-collapse:collapse;font-size:13px;">
<tr style="background:#eef2f7;text-align:left;"><th>Learner</th><th>Enrolment number</th><th>Qualification</th><th>Type</th><th>Document number</th></tr>
{{#each documents}}<tr style="border-top:1px solid #dde3ea;"><td>{{learnerName}}</td><td>{{enrolmentNumber}}</td><td>{{qualificationCode}} {{qualificationTitle}}</td><td>{{typeLabel}}</td><td>{{documentNumber}}</td></tr>
{{/each}}</table>
{{else}}
<p>In summary:</p>
<ul>{{#each summary}}<li>{{count}} × {{typeLabel}}: {{qualificationCode}} {{qualificationTitle}}</li>{{/each}}</ul>
<p>The attached file {{attachmentName}} lists every document (learner, enrolment number, qualification, type and document number).</p>
{{/if}}
<p><a href="{{jobUrl}}" style="color:#12355b;">See job {{jobNumber}} on Jobs Issued</a>, where you can view the documents, notify learners and download them.</p>`,
  text: `Hello,

The awarding body has issued {{documentCount}} {{#if single}}document{{else}}documents{{/if}} to {{centreName}} ({{centreNumber}}) in job {{jobNumber}}.

{{#if listed}}{{#each documents}}- {{learnerName}} ({{enrolmentNumber}}): {{typeLabel}}, {{qualificationCode}} {{qualificationTitle}}, document {{documentNumber}}
{{/each}}{{else}}In summary:
{{#each summary}}- {{count}} × {{typeLabel}}: {{qualificationCode}} {{qualificationTitle}}
{{/each}}
The attached file {{attachmentName}} lists every document (learner, enrolment number, qualification, type and document number).
{{/if}}
See job {{jobNumber}} on Jobs Issued, where you can view the documents, notify learners and download them: {{jobUrl}}`,
};
