import type { Browser } from 'playwright-core';
import { DemoServer, startDemoServer } from './demo-server';
import { H5App } from './h5-app';
import { launchChromium, newPhoneContext } from './mobile-browser';

export interface E2eEnvironment {
  server: DemoServer;
  browser: Browser;
  /** A new phone (own storage, so own login) on the H5 build. */
  newPhone(): Promise<H5App>;
  close(): Promise<void>;
}

/** One demo server with a fresh database and one Chromium per test file. */
export async function createE2eEnvironment(): Promise<E2eEnvironment> {
  const server = await startDemoServer();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    async newPhone() {
      const context = await newPhoneContext(browser);
      return new H5App(await context.newPage(), server.baseUrl);
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
