import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { EmailTemplate } from './templates/email-template';
import { EMAIL_TEMPLATES } from './templates';
import { LAYOUT_HTML, LAYOUT_TEXT } from './templates/layout.template';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

/** Renders a template with the layout. Templates are compiled once; HTML output is escaped by default. */
@Injectable()
export class EmailRenderer {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, Compiled>();
  private readonly layoutHtml = this.hbs.compile(LAYOUT_HTML, { strict: false });
  private readonly layoutText = this.hbs.compile(LAYOUT_TEXT, { noEscape: true });

  constructor(private readonly config: AppConfig) {
    for (const t of EMAIL_TEMPLATES) this.register(t);
  }

  register(template: EmailTemplate): void {
    this.templates.set(template.name, {
      subject: this.hbs.compile(template.subject, { noEscape: true }),
      html: this.hbs.compile(template.html),
      text: this.hbs.compile(template.text, { noEscape: true }),
    });
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  render(name: string, data: Record<string, unknown>): RenderedEmail {
    const t = this.templates.get(name);
    if (!t) throw new Error(`Unknown email template "${name}"`);
    const context = { appName: 'Achievement Portal', publicUrl: this.config.PUBLIC_URL, ...data };
    const subject = t
      .subject(context)
      .replace(/[\r\n]+/g, ' ')
      .trim();
    return {
      subject,
      html: this.layoutHtml({ ...context, subject, body: t.html(context) }),
      text: this.layoutText({ ...context, body: t.text(context) }),
    };
  }
}
