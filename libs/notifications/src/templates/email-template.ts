/** An email's three parts as handlebars sources; the HTML and text bodies are wrapped in the one layout. */
export interface EmailTemplate {
  name: string;
  subject: string;
  html: string;
  text: string;
}
