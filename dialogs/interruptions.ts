/** Words that interrupt any flow, after trimming punctuation and spaces. */
export type Interruption = 'help' | 'cancel' | 'menu';

const WORDS: Record<string, Interruption> = {
  帮助: 'help',
  help: 'help',
  '?': 'help',
  '？': 'help',
  取消: 'cancel',
  退出: 'cancel',
  算了: 'cancel',
  不办了: 'cancel',
  cancel: 'cancel',
  返回主菜单: 'menu',
  主菜单: 'menu',
  返回菜单: 'menu',
  菜单: 'menu',
  menu: 'menu',
};

export function detectInterruption(text: string | undefined): Interruption | undefined {
  if (!text) return undefined;
  const key = text.trim().toLowerCase().replace(/[\s。.!！~～]+/g, '');
  return WORDS[key];
}
