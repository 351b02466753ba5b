import { MAX_SCAN } from './normalise.js';

export function safeGet(obj: unknown, key: string): unknown {
  try {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) return v;
  if (typeof v === 'string' && /^\d{3}$/.test(v)) return num(Number(v));
  return undefined;
}

export function safeString(v: unknown): string {
  try {
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' || typeof v === 'function') return '';
    return String(v);
  } catch {
    return '';
  }
}

/** JSON.stringify with a cycle guard and a size cap; never throws. */
export function safeJson(v: unknown): string {
  try {
    const seen = new WeakSet<object>();
    let budget = 20_000;
    const out = JSON.stringify(v, (_k, val: unknown) => {
      if (budget-- <= 0) return undefined;
      if (typeof val === 'bigint') return val.toString();
      if (typeof val === 'object' && val !== null) {
        if (seen.has(val)) return undefined;
        seen.add(val);
        if (ArrayBuffer.isView(val)) return undefined;
        if (Array.isArray(val) && val.length > 50) return val.slice(0, 50);
      }
      return val;
    });
    return typeof out === 'string' ? out.slice(0, MAX_SCAN) : '';
  } catch {
    return '';
  }
}
