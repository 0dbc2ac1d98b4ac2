// Counts, plurals and lists by the rules of a language (Intl), for the catalogues: English says
// "1 problem", "2 problems" and "A, B, and C"; Chinese has one form for every count and lists as
// "A、B和C". No catalogue writes a plural rule of its own.

/** A word's forms by plural category; `other` is every count a language has no form of its own for. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export interface Wording {
  /** a count as the language writes numbers: 1,024 */
  count(n: number): string;
  /** the form that agrees with n: "is" or "are" */
  agree(n: number, forms: PluralForms): string;
  /** the count and its word, agreed: "1 problem", "2 problems" */
  counted(n: number, forms: PluralForms): string;
  /** "A, B, and C" */
  and(items: readonly string[]): string;
  /** "A, B, or C" */
  or(items: readonly string[]): string;
}

export function wording(locale: string): Wording {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
  const conjunction = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const disjunction = new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' });
  const count = (n: number) => numbers.format(n);
  const agree = (n: number, forms: PluralForms) => forms[plurals.select(n)] ?? forms.other;
  return {
    count,
    agree,
    counted: (n, forms) => `${count(n)} ${agree(n, forms)}`,
    and: (items) => conjunction.format(items),
    or: (items) => disjunction.format(items),
  };
}
