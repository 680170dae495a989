import type { TemplateMessage } from './client';
import { formatFullDateTime } from '../../activities/format';
import type { TemplateSettings, TemplateSource } from './settings';

/** WeChat's length limits of template values by field type (the letters before the number). */
const FIELD_LIMITS: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, number: 32, letter: 32, name: 10 };

/**
 * The template message for a proactive text that cannot go as a customer-service message: its
 * first line as the title (without 【】), the first line after it as the summary, the send time;
 * each cut to its field's limit. The full text waits behind the link (the web chat).
 */
export function templateMessage(openId: string, texts: string[], settings: TemplateSettings, now: Date): TemplateMessage {
  const lines = texts
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const title = (lines[0] ?? '').replace(/^【(.+)】$/, '$1');
  const values: Record<TemplateSource, string> = {
    title,
    summary: lines[1] ?? title,
    time: formatFullDateTime(now.toISOString()),
  };
  const data: TemplateMessage['data'] = {};
  for (const { field, source } of settings.fields) data[field] = { value: fit(values[source], field) };
  return { touser: openId, template_id: settings.templateId, ...(settings.url ? { url: settings.url } : {}), data };
}

function fit(value: string, field: string): string {
  const type = field.replace(/\d+$/, '');
  const limit = FIELD_LIMITS[type];
  const chars = Array.from(value);
  if (!limit || chars.length <= limit) return value;
  return `${chars.slice(0, limit - 1).join('')}…`;
}
