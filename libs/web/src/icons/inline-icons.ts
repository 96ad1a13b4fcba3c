import { EnvironmentProviders, inject, provideEnvironmentInitializer, Type } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

/** What an icon registry needs to offer: Material's MatIconRegistry does. */
export interface SvgIconRegistry {
  addSvgIconLiteral(name: string, literal: SafeHtml): unknown;
}

/**
 * Registers an app's inline SVG icons (name → SVG text, bundled at build time) with its icon
 * registry at start: `provideInlineIcons(MatIconRegistry, PORTAL_ICONS)`. The registry class is
 * passed in because libs/web does not bundle Material: each app has its own.
 */
export function provideInlineIcons(registry: Type<SvgIconRegistry>, icons: Readonly<Record<string, string>>): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const target = inject(registry);
    const sanitizer = inject(DomSanitizer);
    for (const [name, svg] of Object.entries(icons)) {
      // fixed files of the @material-symbols/svg-400 package, bundled at build time: never user input
      target.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
    }
  });
}
