import { maskMobile } from '../activities/validation/mobile';
import type { Registration } from '../activities/types';
import { roleAllows, type Role } from '../officials/roles';
import type { TranscriptLine } from '../handoff/transcript';

/**
 * The one rule for personal data in the console and its API: editors and admins see contacts in
 * full (they call companies back); viewers see every mobile as 138****8000 and every contact name
 * as its first character and ** — wherever it appears: registrations, tickets, transcripts,
 * ticket messages and exports. Free text is scanned for mobiles too (a user may type one anywhere).
 */
export interface Masker {
  readonly full: boolean;
  mobile(value: string | undefined): string | undefined;
  name(value: string | undefined): string | undefined;
  /** free text with every mobile number in it masked */
  text(value: string): string;
}

// 11 digits starting 1[3-9], also written with spaces or dashes, or after +86; not inside a longer number.
const MOBILE_IN_TEXT = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])/g;

export function maskMobilesIn(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (match) => maskMobile(match.replace(/\D/g, '').slice(-11)));
}

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length ? `${chars[0]}**` : name;
}

const FULL: Masker = { full: true, mobile: (v) => v, name: (v) => v, text: (v) => v };
const MASKED: Masker = {
  full: false,
  mobile: (v) => (v ? maskMobile(v) : v),
  name: (v) => (v ? maskName(v) : v),
  text: maskMobilesIn,
};

/** The masker for a console role. */
export function maskerFor(role: Role): Masker {
  return roleAllows(role, 'editor') ? FULL : MASKED;
}

export function maskRegistration<T extends Pick<Registration, 'contactName' | 'mobile'>>(r: T, m: Masker): T {
  return m.full ? r : { ...r, contactName: m.name(r.contactName), mobile: m.mobile(r.mobile) };
}

export function maskTranscript(lines: TranscriptLine[], m: Masker): TranscriptLine[] {
  return m.full ? lines : lines.map((l) => ({ ...l, text: m.text(l.text) }));
}
