// A page form's body as posted: strings, one or many under a name. Routes
// take it as it comes and let the domain's rules judge it, so every problem
// shows beside its field instead of failing the whole request.
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type FormBody = z.infer<typeof formBody>;

/** One value; a name posted several times reads as its values joined. */
export const bodyText = (body: FormBody, name: string) => {
  const value = body[name];
  return Array.isArray(value) ? value.join(' ') : value;
};

/** Every value posted under a name, as checkboxes send them. */
export const bodyList = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** The first value posted under a name: a checkbox before its hidden fallback wins. */
export const bodyFirst = (body: FormBody, name: string) => bodyList(body, name)[0];

/** The version a form was opened at, which every change of an existing entry names. */
export function bodyVersion(body: FormBody): number {
  const version = Number(bodyText(body, 'version'));
  if (!Number.isInteger(version) || version < 0)
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  return version;
}
