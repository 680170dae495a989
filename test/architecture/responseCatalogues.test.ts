/**
 * Each feature says its Chinese in one response catalogue (issue #12): the activities, the advisor,
 * the hand-off, subscriptions and notifications, the general conversation, the officials' console,
 * the delivery pipeline's reasons, the statistics' unanswered topic, the channels (WeChat, the
 * Official Account, web chat, Bot Framework's invoke answer, the terminal) and the Q&A answers' glue. No other
 * file of src/ or dialogs/ holds a string or template literal with Chinese characters, except the short
 * list below of word lists and patterns that read the user's input (matching, not responses) and the
 * mask written over erased values; the areas that say nothing of their own are checked by the same rule,
 * and the few left unchecked are listed with their reason. Chinese means Han
 * characters, CJK punctuation (「」、。) and full-width forms (：；（）), so even the glue of a sentence
 * is templated in the catalogue. Regular expressions are matching by nature and are not read;
 * literals are found by TypeScript's own parser, so comments and identifiers never count.
 * The web chat page is not TypeScript and not scanned: its texts live in src/channels/directline/public (index.html, huibot-chat.js's TEXT).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * A feature's catalogue and the folders or files whose texts it holds (src/admin's feature routes are
 * also their feature's: the rule is the same); `least`: how many texts the catalogue holds at least.
 */
const FEATURES: Array<{ catalogue: string; sources: string[]; least?: number }> = [
  { catalogue: 'src/activities/copy.ts', sources: ['src/activities', 'dialogs/activities', 'src/admin/api/activityRoutes.ts', 'src/admin/api/registrationRoutes.ts'] },
  { catalogue: 'src/advisor/copy.ts', sources: ['src/advisor', 'dialogs/advisor'] },
  { catalogue: 'src/handoff/copy.ts', sources: ['src/handoff', 'dialogs/handoff', 'src/admin/api/ticketRoutes.ts'] },
  { catalogue: 'src/notifications/copy.ts', sources: ['src/notifications', 'dialogs/subscription', 'src/admin/api/notificationRoutes.ts'] },
  {
    catalogue: 'dialogs/messages.ts',
    sources: ['dialogs/messages.ts', 'dialogs/interruptions.ts', 'dialogs/interruptibleDialog.ts', 'dialogs/guidedPrompt.ts', 'dialogs/qaDialog.ts', 'dialogs/mainDialog.ts', 'dialogs/buttons.ts'],
  },
  { catalogue: 'src/officials/copy.ts', sources: ['src/officials', 'src/admin'] },
  { catalogue: 'src/delivery/copy.ts', sources: ['src/delivery'], least: 7 },
  { catalogue: 'src/stats/copy.ts', sources: ['src/stats'], least: 1 },
  {
    catalogue: 'src/channels/wechat/copy.ts',
    sources: [
      'src/channels/textChannelAdapter.ts',
      ...['channel', 'conversationStore', 'ids', 'index', 'lane', 'menuStore', 'pacing', 'render', 'session', 'status', 'targets', 'wechatAdapter'].map((f) => `src/channels/wechat/${f}.ts`),
    ],
  },
  { catalogue: 'src/channels/directline/copy.ts', sources: ['src/channels/directline'], least: 3 },
  { catalogue: 'src/channels/copy.ts', sources: ['src/channels/botframework.ts'], least: 1 },
  { catalogue: 'src/channels/officialAccount/copy.ts', sources: ['src/channels/officialAccount'] },
  { catalogue: 'src/channels/terminal/copy.ts', sources: ['src/channels/terminal'], least: 5 },
  { catalogue: 'src/answers/copy.ts', sources: ['src/answers'], least: 1 },
];

/** Areas that say nothing in Chinese of their own: no catalogue, the same rule. */
const SILENT = [
  'src/privacy',
  'src/domain',
  'src/text',
  'src/storage',
  'src/http',
  'src/contracts',
  'src/features',
  'src/eval',
  'src/bot',
  'src/app.ts',
  'src/server.ts',
  'src/scheduler.ts',
  // its start-up line is for the operator, in English like the log
  'src/index.ts',
  'src/clock.ts',
  'src/logger.ts',
  'src/version.ts',
];

/** Not checked, and why. */
const UNCHECKED: Record<string, string> = {
  'src/nlu': 'matching vocabularies: they read the user\'s input',
  'src/knowledge': 'matching vocabularies and the knowledge schema\'s checks',
  'src/config.ts': 'settings problems for the operator (English naming 公众平台\'s pages), below every catalogue',
};

/** Word lists that read the user's input, by file and the declaration holding them (each catalogue's header names them). */
const MATCHING: Record<string, string[]> = {
  'dialogs/activities/vocabulary.ts': ['CHOICE_SYNONYMS'],
  'src/activities/seed.ts': ['demoActivities'],
  'src/advisor/requests.ts': ['GENERAL_WORDS'],
  'dialogs/handoff/contact.ts': ['SURNAMES'],
  'dialogs/interruptions.ts': ['WORDS'],
  // the mask written over erased values in stored text (not said), and a pattern matching typed numbers
  'src/privacy/redaction.ts': ['REDACTED', 'SEPARATORS'],
  // recognises the out-of-scope answer in the evaluation cases' rules
  'src/eval/cases.ts': ['isOutOfScopeCase'],
};

function tsFiles(rel: string): string[] {
  const full = path.join(ROOT, rel);
  if (fs.statSync(full).isFile()) return /\.d\.ts$/.test(rel) ? [] : [rel];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tsFiles(path.posix.join(rel, e.name)) : /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path.posix.join(rel, e.name)] : []));
}

interface Literal {
  line: number;
  text: string;
  /** names of the declarations it sits in, innermost first */
  owners: string[];
}

/** Every string and template literal part of a file that contains a Chinese character. */
function chineseLiterals(rel: string, text = fs.readFileSync(path.join(ROOT, rel), 'utf8')): Literal[] {
  const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    const isText =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    const inImport = isText && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent));
    if (isText && !inImport && CJK.test(node.text)) {
      const owners: string[] = [];
      for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
        const name = (p as { name?: ts.Node }).name;
        if (name && ts.isIdentifier(name)) owners.push(name.text);
      }
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text, owners });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const catalogues = new Set(FEATURES.map((f) => f.catalogue));
const checked = [...new Set([...FEATURES.flatMap((f) => f.sources), ...SILENT].flatMap(tsFiles))].filter((f) => !catalogues.has(f));

/** The Chinese literals of these files that are neither in a catalogue nor on the matching list. */
function strayTexts(sources: string[]): string[] {
  return sources
    .flatMap(tsFiles)
    .filter((f) => !catalogues.has(f))
    .flatMap((file) =>
      chineseLiterals(file)
        .filter((l) => !l.owners.some((o) => MATCHING[file]?.includes(o)))
        .map((l) => `${file}:${l.line} ${JSON.stringify(l.text)}`),
    );
}

test.each(FEATURES.map((f) => [f.catalogue, f] as const))('no Chinese text outside the catalogue %s', (_catalogue, feature) => {
  expect(strayTexts(feature.sources)).toEqual([]);
});

test('the areas with no catalogue say nothing in Chinese', () => {
  expect(strayTexts(SILENT)).toEqual([]);
});

test('every file of src/ and dialogs/ is checked, is a catalogue, or is unchecked for a stated reason', () => {
  const unchecked = Object.keys(UNCHECKED).flatMap(tsFiles);
  for (const area of Object.keys(UNCHECKED)) expect([area, fs.existsSync(path.join(ROOT, area))]).toEqual([area, true]);
  const missed = [...tsFiles('src'), ...tsFiles('dialogs')].filter((f) => !checked.includes(f) && !catalogues.has(f) && !unchecked.includes(f));
  expect(missed).toEqual([]);
});

test('each catalogue holds its feature\'s texts', () => {
  for (const { catalogue, least = 11 } of FEATURES) expect([catalogue, chineseLiterals(catalogue).length >= least]).toEqual([catalogue, true]);
});

test('every matching word list on the allow-list still exists and is read from the files checked', () => {
  for (const [file, names] of Object.entries(MATCHING)) {
    expect(checked).toContain(file);
    const owners = new Set(chineseLiterals(file).flatMap((l) => l.owners));
    for (const name of names) expect([file, owners.has(name)]).toEqual([file, true]);
  }
});

test('the scan finds a Chinese literal where there is one, and only there', () => {
  const sample = ['// 注释不算', "import { x } from './中文';", 'const RE = /取消|退出/u;', "const plain = 'ok';", "const said = `好的，${'x'}已取消`;", "const WORDS = ['帮助'];", 'const glue = `${a}（${b}）`;'].join('\n');
  expect(chineseLiterals('sample.ts', sample).map((l) => [l.line, l.text, l.owners[0]])).toEqual([
    [5, '好的，', 'said'],
    [5, '已取消', 'said'],
    [6, '帮助', 'WORDS'],
    [7, '（', 'glue'],
    [7, '）', 'glue'],
  ]);
});
