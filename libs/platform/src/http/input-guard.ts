import { BadRequestException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isUtf8 } from 'node:buffer';

/** The deepest a request body may nest (objects and arrays); the portal's own bodies go 3 or 4 deep. */
export const MAX_BODY_DEPTH = 32;

/**
 * How many values (objects, arrays, strings, numbers, ...) a body may hold. Validating each costs
 * time on the one event loop (a million took 10 s), and the pipes run once the caller has passed
 * the role check: so the admin area, whose JSON job carries up to 20,000 documents, may send a
 * million, and every other route (the largest is a Records selection of 10,000 ids) 25,000.
 */
export const MAX_BODY_VALUES = 25_000;
export const MAX_ADMIN_BODY_VALUES = 1_000_000;

/** What is wrong with a piece of input, and where (a field path as the validation pipe writes it: `rows.0.name`). */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * Checks a parsed body (or a query, or the path parameters) before anything validates it: no
 * deeper than `maxDepth`, no more than `maxValues` values, and every string (keys included)
 * well-formed Unicode without NUL characters. Returns the first problem, or null. Never recurses
 * deeper than the limit itself, so it is safe on any input; class-transformer and
 * class-validator, which recurse without a bound, only ever see what passed here.
 */
export function problemInInput(value: unknown, limits: { maxDepth?: number; maxValues?: number } = {}): InputProblem | null {
  const maxDepth = limits.maxDepth ?? MAX_BODY_DEPTH;
  const maxValues = limits.maxValues ?? MAX_BODY_VALUES;
  let values = 0;

  const walk = (value: unknown, path: string, depth: number): InputProblem | null => {
    if (++values > maxValues) return { path: '', message: `The request body holds too many values (more than ${maxValues.toLocaleString('en-GB')}).` };
    if (typeof value === 'string') return problemInText(value, path, path ? sanitised(path) : 'The request body');
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
    if (depth >= maxDepth) return { path: '', message: `The request body is nested too deeply (more than ${maxDepth} levels).` };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = walk(value[i], join(path, String(i)), depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    for (const key of Object.keys(value)) {
      const keyProblem = problemInText(key, join(path, key), `The field name ${sanitised(join(path, key))}`);
      if (keyProblem) return keyProblem;
      const problem = walk((value as Record<string, unknown>)[key], join(path, key), depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, '', 0);
}

/** `label` names the text in the message: the field's path, or "The field name …" for a key. */
function problemInText(text: string, path: string, label: string): InputProblem | null {
  if (!isWellFormed(text)) return { path: sanitised(path), message: `${label} must be valid Unicode text (it holds half of a character).` };
  if (text.includes('\u0000')) return { path: sanitised(path), message: `${label} must not contain a NUL character.` };
  return null;
}

const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A path built from field names people sent may itself be ill-formed: it is echoed back without the bad characters. */
function sanitised(path: string): string {
  return isWellFormed(path) && !path.includes('\u0000') ? path : path.replace(/\p{Surrogate}|\u0000/gu, '\uFFFD');
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

/** The 400 for an input problem, in the validation pipe's shape (naming the field when there is one). */
export function inputProblemException(problem: InputProblem): BadRequestException {
  return new BadRequestException({
    ...{ message: problem.message, ...(problem.path ? { fieldErrors: { [problem.path]: [problem.message] } } : {}) },
    code: 'INPUT_INVALID',
  });
}

/**
 * The query string's %-escapes must be whole and spell UTF-8: Fastify's parser would keep a broken
 * escape as it is and turn bytes that are not UTF-8 into U+FFFD, so a value would silently differ
 * from what was sent.
 */
export function problemInQueryString(url: string): InputProblem | null {
  const q = url.indexOf('?');
  if (q === -1 || url.indexOf('%', q) === -1) return null;
  for (const part of url.slice(q + 1).split('&')) {
    if (!part.includes('%')) continue;
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      const name = part.split('=')[0];
      const safeName = /^[A-Za-z0-9_.-]{1,64}$/.test(name) ? name : '';
      const message = `${safeName || 'The query string'} holds a broken %-escape or bytes that are not UTF-8.`;
      return { path: safeName, message };
    }
  }
  return null;
}

/** The bytes of a text body must be UTF-8 (a broken sequence is refused, never turned into U+FFFD). */
export function problemInBytes(body: Buffer): InputProblem | null {
  return isUtf8(body) ? null : { path: '', message: 'The request body is not valid UTF-8 text.' };
}

/**
 * Bounds every request at the edge, once, before any pipe sees it: JSON and form bodies must be
 * UTF-8 (they are parsed here, JSON with Fastify's prototype-poisoning checks); then every parsed
 * body, query and set of path parameters goes through `problemInInput`. A problem is a 400 in the
 * one error shape. (The body's size is bounded by Fastify's bodyLimit.)
 */
export function guardInput(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const json = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (req, body, done) => {
    const problem = body.length > 0 ? problemInBytes(body) : null;
    if (problem) return done(inputProblemException(problem));
    void json(req as never, body as never, done);
  });
  // what Nest registers by default (repeated keys give an array), now behind the same UTF-8 check
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_req, body, done) => {
    const problem = problemInBytes(body);
    if (problem) return done(inputProblemException(problem));
    const form = new Map<string, string | string[]>();
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
      const seen = form.get(key);
      form.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
    }
    done(null, Object.fromEntries(form)); // own properties only: a "__proto__" field is a field, not a prototype
  });
  fastify.addHook('preValidation', (req, _reply, done) => {
    const url = req.raw.url ?? '';
    const maxValues = url.startsWith('/api/admin/') ? MAX_ADMIN_BODY_VALUES : MAX_BODY_VALUES;
    const problem = problemInQueryString(url) ?? problemInInput(req.params) ?? problemInInput(req.query) ?? problemInInput(req.body, { maxValues });
    done(problem ? inputProblemException(problem) : undefined);
  });
}
