import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { MenuButton } from './client';

export const DEFAULT_MENU_FILE = path.join(__dirname, '..', '..', '..', 'knowledge', 'wechat-menu.yaml');

const bytes = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => Buffer.byteLength(v, 'utf8') <= max, `${what} is longer than WeChat allows (${max} bytes, ${Math.floor(max / 3)} Chinese characters)`);

const itemSchema = z.object({
  name: bytes(60, 'a sub-menu name'),
  key: z.string().regex(/^[A-Za-z0-9_]{1,128}$/, 'key: letters, digits and _ only'),
  command: z.string().trim().min(1),
});

const fileSchema = z.object({
  menu: z
    .array(z.object({ name: bytes(16, 'a top-level menu name'), items: z.array(itemSchema).min(1).max(5) }))
    .min(1)
    .max(3),
});

/** The custom menu: what menu/create publishes, and the command each click stands for. */
export interface AccountMenu {
  buttons: MenuButton[];
  /** EventKey of a CLICK → the text the bot receives */
  commands: Map<string, string>;
}

/** Reads and checks knowledge/wechat-menu.yaml (or `file`); throws with what is wrong. */
export function loadAccountMenu(file = DEFAULT_MENU_FILE): AccountMenu {
  const parsed = fileSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${path.basename(file)} is not a valid menu:\n${problems}`);
  }
  const commands = new Map<string, string>();
  const buttons: MenuButton[] = parsed.data.menu.map((top) => ({
    name: top.name,
    sub_button: top.items.map((item) => {
      if (commands.has(item.key)) throw new Error(`${path.basename(file)}: key ${item.key} is used twice`);
      commands.set(item.key, item.command);
      return { type: 'click' as const, name: item.name, key: item.key };
    }),
  }));
  return { buttons, commands };
}
