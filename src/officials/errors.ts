import type { ZodError } from 'zod';
import { API_TEXT } from './copy';

export type FieldErrors = Record<string, string[]>;

/** A refusal the console API answers with `status` and a Chinese message (and field errors for 400). */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: { fieldErrors?: FieldErrors } & Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AdminError';
  }

  /** 400 with the problems of each field: `{ fieldErrors: { title: ['…'] } }`. */
  static fields(fieldErrors: FieldErrors, message = API_TEXT.invalidInput): AdminError {
    return new AdminError(400, message, { fieldErrors });
  }

  static fromZod(error: ZodError): AdminError {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) {
      const field = issue.path.join('.') || '_';
      const message = issue.code === 'unrecognized_keys' ? API_TEXT.unsupportedFields(issue.keys) : issue.message;
      (fieldErrors[field] ??= []).push(message);
    }
    return AdminError.fields(fieldErrors);
  }
}
