// A running Transforma (demo workspace, embedded database) and Debian's
// Chromium driven by playwright-core, for the browser journeys.

import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { DEMO_PASSWORD } from '../../src/demo/sumwhere-accounts.ts';
import type { App } from '../../src/platform/http/feature.ts';
import { openTestDatabase, type TestDatabase } from '../databases.ts';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserContext {
  baseUrl: string;
  browser: Browser;
  app: App;
  database: TestDatabase;
}

export function useRunningApp(): BrowserContext {
  const context = {} as BrowserContext;
  beforeAll(async () => {
    context.database = await openTestDatabase('demo');
    context.app = await buildApp({ database: context.database });
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = context.app.server.address() as AddressInfo;
    context.baseUrl = `http://127.0.0.1:${port}`;
    context.browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.close();
    await context.database?.drop();
  });
  return context;
}

/** Signs in through the sign-in page as one of the demo's accounts. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email = 'admin@sumwhere.example',
) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Email address|Correo electrónico/).fill(email);
  await page.getByLabel(/Password|Contraseña/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Sign in|Iniciar sesión/ }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** What axe-core finds against WCAG 2.2 AA on the page as it stands: "rule: first element", one per rule. */
export async function axeViolations(page: Page): Promise<string[]> {
  const found = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return found.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}
