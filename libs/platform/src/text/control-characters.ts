/**
 * Characters that no one-line field of a person's text may hold: C0 and C1 controls, line and
 * paragraph separators, and format characters (bidi overrides, zero-width spaces, the BOM).
 * The zero-width joiner and non-joiner are not among them: they are part of how some scripts and
 * emoji sequences are written (👩‍🎓 is 👩, U+200D, 🎓), so a name holding one is not refused as
 * holding "control characters".
 */
export const CONTROL_CHARACTERS = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/u;

/** The same for multi-line text: tabs and line breaks (CR, LF) allowed. */
export const CONTROL_EXCEPT_NEWLINES = /[\p{Zl}\p{Zp}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|(?![\u200c\u200d])\p{Cf}/u;
