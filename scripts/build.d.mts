// Types of scripts/build.mjs for TypeScript callers (the test suite's global setup).
export function buildEngine(): Promise<void>;
export function buildRenderer(): Promise<void>;
