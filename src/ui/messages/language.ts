// The languages the app speaks: English (messages.ts) and every catalogue file beside it named by
// its language code (zh.ts), found at build time, so that a language is added by one file. Which
// one a visit starts in: the link's `lang=`, else the one chosen before, else the browser's.
import type { PreferenceStorage } from '../../store/preferenceStorage';
import { en, switchCatalogue, type Messages } from './messages';

const files = import.meta.glob<Messages>('./[a-z][a-z].ts', { eager: true, import: 'default' });

/** Each language's catalogue by its code ('en', 'zh'), English first. */
export const CATALOGUES: ReadonlyMap<string, Messages> = new Map([
  ['en', en],
  ...Object.entries(files).map(([path, catalogue]) => [codeOf(path), catalogue] as const),
]);

export const DEFAULT_LANGUAGE = 'en';

function codeOf(path: string): string {
  return path.replace(/^\.\//, '').replace(/\.ts$/, '');
}

export function isLanguage(code: string | null | undefined): code is string {
  return typeof code === 'string' && CATALOGUES.has(code);
}

/** The language a browser asks for first among those the app has ('zh-CN', 'zh-Hant-TW' → 'zh'). */
export function browserLanguage(asked: readonly string[]): string | null {
  for (const tag of asked) {
    const code = tag.toLowerCase().split('-')[0];
    if (isLanguage(code)) return code;
  }
  return null;
}

/** The language to open in: the link's, else the one kept from before, else the browser's, else English. */
export function chooseLanguage(choice: {
  readonly link: string | null;
  readonly kept: string | null;
  readonly browser: readonly string[];
}): string {
  if (isLanguage(choice.link)) return choice.link;
  if (isLanguage(choice.kept)) return choice.kept;
  return browserLanguage(choice.browser) ?? DEFAULT_LANGUAGE;
}

/** Points the components' `messages` at the language's catalogue (English for one the app does not have). */
export function switchLanguage(code: string): void {
  switchCatalogue(CATALOGUES.get(code) ?? en);
}

/** The language a link names (`lang=zh` among its query's parameters), and the link without it. */
export function takeLanguage(hash: string): { readonly hash: string; readonly language: string | null } {
  const at = hash.indexOf('?');
  if (at < 0) return { hash, language: null };
  const parts = hash.slice(at + 1).split('&');
  const named = parts.find((p) => p.startsWith('lang='));
  const query = parts.filter((p) => !p.startsWith('lang=')).join('&');
  return { hash: hash.slice(0, at) + (query ? `?${query}` : ''), language: named?.slice('lang='.length) ?? null };
}

/** The link with its language named, so that it opens in it; English, the default, goes unnamed. */
export function withLanguage(hash: string, language: string): string {
  if (language === DEFAULT_LANGUAGE) return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
}

/** The language a visit opens in (chooseLanguage); one a link names becomes the user's choice, kept. */
export function openingLanguage(link: string, preferences: PreferenceStorage, browser: readonly string[]): string {
  const named = takeLanguage(link).language;
  const language = chooseLanguage({ link: named, kept: preferences.readLanguage(), browser });
  if (language === named) preferences.keepLanguage(language);
  return language;
}
