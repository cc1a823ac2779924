// How raw dataset values are read: what counts as missing, and what is a number (no locale guessing, no hex).

/** Tokens read as a missing value (besides an empty or blank cell). */
const MISSING_TOKENS = new Set(['na', 'n/a', 'nan', 'null', 'none', '?']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A value from a CSV cell or a JSON row. */
export type RawValue = string | number | boolean | null | undefined;

/** True for an empty cell, `NA`, `NaN`, `null`, `None`, `?` (any case), JSON null/undefined and a NaN number. */
export function isMissing(value: RawValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'boolean') return false;
  const trimmed = value.trim();
  return trimmed === '' || MISSING_TOKENS.has(trimmed.toLowerCase());
}

/** The number a value holds, or undefined when it is not a plain finite decimal number. */
export function toNumber(value: RawValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** The text form a categorical value is compared by (numbers as JavaScript prints them, so 1 and "1" match). */
export function toCategory(value: RawValue): string {
  return typeof value === 'string' ? value.trim() : String(value);
}
