import { ROLE_TEXT } from './copy';

/** Console roles, weakest first: viewers read, editors change, admins also manage tokens and read the audit log. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `required` may. */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Typed here so a new role without a label fails to compile; the texts are in copy.ts. */
export const ROLE_LABELS: Record<Role, string> = ROLE_TEXT;

/** Who made a request (or ran the CLI): written to the audit log. */
export interface Actor {
  name: string;
  role: Role;
  /** 'env' (ADMIN_TOKENS), 'db' (created with the CLI or the console) or 'cli' */
  source: 'env' | 'db' | 'cli';
  tokenId?: number;
}
