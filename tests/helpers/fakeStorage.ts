// A localStorage for tests: a Map behind the Storage interface, with an optional quota.

/** localStorage over a Map; with a quota, a write that would hold more characters than it throws. */
export class FakeStorage implements Storage {
  [name: string]: unknown;
  readonly #items = new Map<string, string>();
  readonly #quota: number;

  constructor(quota = Infinity) {
    this.#quota = quota;
  }
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let size = key.length + value.length;
    for (const [k, v] of this.#items) if (k !== key) size += k.length + v.length;
    if (size > this.#quota) throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
  /** every stored key, for checking what a load left behind */
  keys(): string[] {
    return [...this.#items.keys()];
  }
}
