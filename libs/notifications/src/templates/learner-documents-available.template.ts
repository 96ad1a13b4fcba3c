import { EmailTemplate } from './email-template';

/** A centre told its learner (Notify learners on Records) that documents are ready in the portal. */
export const LEARNER_DOCUMENTS_AVAILABLE: EmailTemplate = {
  name: 'learner-documents-available',
  subject: 'Your {{#if single}}document is{{else}}documents are{{/if}} available on the {{appName}}',
  html: `<p>Hello {{firstName}},</p>
<p>{{centreName}} would like you to know that {{#if single}}this document is{{else}}these documents are{{/if}} available to you on the {{appName}}:</p>
<ul>{{#each documents}}<li>{{typeLabel}}: {{qualificationCode}} {{qualificationTitle}} (document {{documentNumber}})</li>{{/each}}</ul>
<p>Sign in to see {{#if single}}it{{else}}them{{/if}}, share {{#if single}}it{{else}}them{{/if}} securely with employers and others, or order printed copies.</p>
<p><a href="{{portalUrl}}" style="color:#12355b;">Go to the portal</a></p>
{{#if registerUrl}}<p>The first time, register as a learner with your enrolment number {{enrolmentNumber}} and your date of birth: <a href="{{registerUrl}}" style="color:#12355b;">register</a>.</p>{{/if}}`,
  text: `Hello {{firstName}},

{{centreName}} would like you to know that {{#if single}}this document is{{else}}these documents are{{/if}} available to you on the {{appName}}:

{{#each documents}}- {{typeLabel}}: {{qualificationCode}} {{qualificationTitle}} (document {{documentNumber}})
{{/each}}
Sign in to see {{#if single}}it{{else}}them{{/if}}, share {{#if single}}it{{else}}them{{/if}} securely with employers and others, or order printed copies.

Go to the portal: {{portalUrl}}
{{#if registerUrl}}
The first time, register as a learner with your enrolment number {{enrolmentNumber}} and your date of birth: {{registerUrl}}
{{/if}}`,
};
