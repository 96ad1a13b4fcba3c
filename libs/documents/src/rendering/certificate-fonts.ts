import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';

/** A font file parsed by fontkit: what pdf-lib embeds, and what answers "has it a glyph for this character?". */
type ParsedFont = ReturnType<Fontkit['create']>;

/** Where the certificate's fonts are. Defaults: Noto fonts shipped by npm packages (SIL Open Font Licence), so a clean clone has them. */
export interface CertificateFontFiles {
  /** Latin (Ł, ó, …), Greek and Cyrillic: the text face. */
  regular: string;
  /** The same family in bold: the learner's name and headings. */
  bold: string;
  /** Chinese (and the rest of CJK): used for characters the text face lacks. */
  cjk: string;
}

export const DEFAULT_CERTIFICATE_FONT_FILES: CertificateFontFiles = {
  regular: require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf'),
  cjk: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
};

/** Shaped runs kept per font: labels, titles and units repeat on every certificate of a job. */
const LAYOUT_CACHE_SIZE = 20_000;

/**
 * Shaping a string (GSUB/GPOS lookups) is the dearest step of drawing text, and pdf-lib shapes
 * each string once to measure it and again to draw it. The font's layout() is memoised per
 * string (bounded; cleared when full): the glyphs of a string never change for a given font.
 */
function withLayoutCache(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font);
  const cache = new Map<string, ReturnType<ParsedFont['layout']>>();
  font.layout = (text: string, features?: Parameters<ParsedFont['layout']>[1]) => {
    if (features && (Array.isArray(features) ? features.length : Object.keys(features).length)) return shape(text, features);
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.clear();
      run = shape(text);
      cache.set(text, run);
    }
    return run;
  };
  return font;
}

/** fontkit's Buffer class (its own bundled one, which its encoder checks for). */
type FontkitBuffer = Uint8Array & {
  writeUInt16BE(value: number, offset: number): number;
};

interface TtfSubsetInternals {
  _addGlyph?: (gid: number) => number;
  includeGlyph(glyphId: number): number;
  glyf: FontkitBuffer[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

interface FontInternals {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): {
    pos: number;
    readBuffer(length: number): FontkitBuffer;
  };
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): {
      numberOfContours: number;
      components?: { glyphID: number; pos: number }[];
    } | null;
    _getMetrics(): { leftBearing: number };
  };
}

/** A glyph as a subset copies it: its glyf bytes (padded to even length), its components (a compound glyph) and metrics. */
interface CopiedGlyph {
  data: FontkitBuffer;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/**
 * Subsets of a TrueType font, faster and right. @pdf-lib/fontkit's TTFSubset decodes every glyph
 * again for every subset (most of a certificate's cost once the font is parsed), and has a bug:
 * a subset small enough for a short `loca` table stores each glyph offset halved, so a glyph of
 * odd length (fonts built by Google's tools, such as the Noto fonts, do not pad them) shifts
 * every glyph after it and they vanish from the PDF. Each glyph is read once per process and kept
 * padded to an even length, as the TrueType specification recommends; a subset copies it from
 * there, renumbering the components of a compound glyph exactly as fontkit does.
 */
function withCachedGlyphCopies(font: ParsedFont): ParsedFont {
  const internals = font as unknown as FontInternals;
  if (internals._variationProcessor) return font; // variable fonts keep fontkit's own path
  const copies = new Map<number, CopiedGlyph>();
  const copyOf = (gid: number): CopiedGlyph => {
    let copy = copies.get(gid);
    if (!copy) {
      const glyph = internals.getGlyph(gid);
      const decoded = glyph._decode();
      const start = internals.loca.offsets[gid];
      const stream = internals._getTableStream('glyf');
      stream.pos += start;
      const raw = stream.readBuffer(internals.loca.offsets[gid + 1] - start);
      copy = {
        data: raw.length % 2 === 1 ? padded(raw, raw.length + 1) : raw,
        components:
          decoded && decoded.numberOfContours < 0
            ? (decoded.components ?? []).map((c) => ({
                glyphID: c.glyphID,
                pos: c.pos,
              }))
            : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      copies.set(gid, copy);
    }
    return copy;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as TtfSubsetInternals;
    if (subset._addGlyph) {
      subset._addGlyph = function (this: TtfSubsetInternals, gid: number): number {
        const copy = copyOf(gid);
        let data = copy.data;
        if (copy.components) {
          data = padded(data, data.length);
          for (const c of copy.components) data.writeUInt16BE(this.includeGlyph(c.glyphID), c.pos);
        }
        this.glyf.push(data);
        this.loca.offsets.push(this.offset);
        this.hmtx.metrics.push({
          advance: copy.advance,
          bearing: copy.bearing,
        });
        this.offset += data.length;
        return this.glyf.length - 1;
      };
    }
    return subset as unknown as ReturnType<ParsedFont['createSubset']>;
  };
  return font;
}

/** A copy of fontkit's buffer of the given length (zero-filled past the source), of fontkit's own Buffer class. */
function padded(source: FontkitBuffer, length: number): FontkitBuffer {
  const out = (source.constructor as unknown as { alloc(size: number): FontkitBuffer }).alloc(length);
  out.set(source);
  return out;
}

export type CertificateFontRole = keyof CertificateFontFiles;

/**
 * The certificate fonts, read and parsed ONCE per process (parsing a font costs more than
 * rendering a certificate). pdf-lib asks its registered fontkit to parse a font's bytes on every
 * embed; `fontkit` here answers with the font already parsed for the same bytes, so each PDF only
 * pays for its subset.
 */
export class CertificateFonts {
  readonly bytes: Record<CertificateFontRole, Uint8Array>;
  private readonly parsed = new Map<Uint8Array, ParsedFont>();
  readonly fontkit: Fontkit;

  constructor(files: CertificateFontFiles = DEFAULT_CERTIFICATE_FONT_FILES) {
    this.bytes = {
      regular: readFileSync(files.regular),
      bold: readFileSync(files.bold),
      cjk: readFileSync(files.cjk),
    };
    for (const bytes of Object.values(this.bytes)) this.parsed.set(bytes, withCachedGlyphCopies(withLayoutCache((fontkit as Fontkit).create(bytes))));
    this.fontkit = {
      create: (data: Uint8Array, postscriptName?: string) => this.parsed.get(data) ?? (fontkit as Fontkit).create(data, postscriptName),
    } as Fontkit;
  }

  font(role: CertificateFontRole): ParsedFont {
    return this.parsed.get(this.bytes[role])!;
  }

  /** Whether the text face (or its bold) draws this character; otherwise the CJK face is tried. */
  hasGlyph(role: CertificateFontRole, codePoint: number): boolean {
    return this.font(role).hasGlyphForCodePoint(codePoint);
  }

  private static shared?: CertificateFonts;

  /** The process's one instance with the default files. */
  static default(): CertificateFonts {
    return (CertificateFonts.shared ??= new CertificateFonts());
  }
}
