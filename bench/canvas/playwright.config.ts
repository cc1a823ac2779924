// Playwright config of the canvas benchmark: one Chromium, no retries, long timeout; run it on its own (see README).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: ['*.bench.ts'],
  timeout: 20 * 60_000,
  expect: { timeout: 120_000 },
  use: { ...base.use, trace: 'off', screenshot: 'off', viewport: { width: 1600, height: 1000 } },
});
