import { ConfigError, type AppConfig } from '../../config';

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
  if (!/^wx[0-9a-zA-Z]{14,30}$/.test(appId)) problems.push('WECHAT_OA_APP_ID: must be the AppID shown in 公众平台 → 设置与开发 → 基本配置 (wx…)');
  if (!config.WECHAT_OA_APP_SECRET) problems.push('WECHAT_OA_APP_SECRET: required when WECHAT_OA_APP_ID is set (the AppSecret of 基本配置)');
  if (!/^[A-Za-z0-9]{3,32}$/.test(config.WECHAT_OA_TOKEN)) {
    problems.push('WECHAT_OA_TOKEN: required when WECHAT_OA_APP_ID is set; 3 to 32 letters or digits, the same Token as in 服务器配置');
  }
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
