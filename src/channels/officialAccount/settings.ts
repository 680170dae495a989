import { ConfigError, type AppConfig } from '../../config';
import { SETTINGS_PROBLEMS } from './copy';

/** Where each value of a template message comes from. */
export const TEMPLATE_SOURCES = ['title', 'summary', 'time'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export interface TemplateSettings {
  templateId: string;
  /** template field (thing1, time3…) → what it shows */
  fields: Array<{ field: string; source: TemplateSource }>;
  /** the page a template message opens: the web chat, where details can be asked */
  url?: string;
}

/** The Official Account channel's settings, checked once at start. */
export interface OfficialAccountSettings {
  appId: string;
  appSecret: string;
  token: string;
  /** empty = plaintext mode only */
  aesKey: string;
  apiBase: string;
  path: string;
  template?: TemplateSettings;
}

/**
 * The channel's settings, or undefined when WECHAT_OA_APP_ID is empty (channel off).
 * Throws ConfigError naming the variable that is missing or wrong.
 */
export function officialAccountSettings(config: AppConfig): OfficialAccountSettings | undefined {
  const appId = config.WECHAT_OA_APP_ID;
  if (!appId) return undefined;
  const problems: string[] = [];
  if (!/^wx[0-9a-zA-Z]{14,30}$/.test(appId)) problems.push(SETTINGS_PROBLEMS.appId);
  if (!config.WECHAT_OA_APP_SECRET) problems.push(SETTINGS_PROBLEMS.appSecret);
  if (!/^[A-Za-z0-9]{3,32}$/.test(config.WECHAT_OA_TOKEN)) problems.push(SETTINGS_PROBLEMS.token);
  let template: TemplateSettings | undefined;
  if (config.WECHAT_OA_TEMPLATE_ID) {
    const fields = parseTemplateFields(config.WECHAT_OA_TEMPLATE_FIELDS);
    if (typeof fields === 'string') problems.push(`WECHAT_OA_TEMPLATE_FIELDS: ${fields}`);
    else template = { templateId: config.WECHAT_OA_TEMPLATE_ID, fields, url: config.WECHAT_OA_TEMPLATE_URL ?? config.PUBLIC_URL };
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    appId,
    appSecret: config.WECHAT_OA_APP_SECRET,
    token: config.WECHAT_OA_TOKEN,
    aesKey: config.WECHAT_OA_AES_KEY,
    apiBase: config.WECHAT_OA_API_BASE.replace(/\/+$/, ''),
    path: config.WECHAT_OA_PATH,
    template,
  };
}

/** "title:thing1,summary:thing2,time:time3" → the mapping, or what is wrong with it. */
export function parseTemplateFields(text: string): TemplateSettings['fields'] | string {
  const fields: TemplateSettings['fields'] = [];
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\w+):([a-z_]+\d+)$/.exec(pair);
    if (!match || !(TEMPLATE_SOURCES as readonly string[]).includes(match[1])) {
      return `"${pair}" is not source:field (sources: ${TEMPLATE_SOURCES.join(', ')}; fields as in the template, e.g. thing1)`;
    }
    fields.push({ source: match[1] as TemplateSource, field: match[2] });
  }
  return fields.length ? fields : 'must map at least one field, e.g. title:thing1,summary:thing2,time:time3';
}
