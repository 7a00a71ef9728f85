import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, recordSurvey } from './accessibility';
import { saveScreenshot } from './mobile-browser';
import { largeTextCheck } from './text-scale';

/** Drives the H5 build: routes, login, the pieces of the home page the tests read. */
export class H5App {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(route: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#${route}`);
  }

  async openHome(joinCode?: string): Promise<void> {
    await this.open(joinCode ? `/pages/index/index?c=${encodeURIComponent(joinCode)}` : '/pages/index/index');
  }

  /** Within the page that is showing (Taro keeps earlier pages of the stack in the DOM). */
  get current(): Locator {
    return this.page.locator('.taro_page.taro_page_show').last();
  }

  /** The H5 dev login: nickname + 登录. */
  async loginAs(nickname: string): Promise<void> {
    const input = this.current.locator('.qy-login__input input');
    await input.waitFor();
    await input.fill(nickname);
    await this.current.locator('.qy-login__submit').click();
    await this.current.locator('.qy-login').waitFor({ state: 'detached' });
  }

  /** Scrolls the page that is showing to `scrollTop` = an expression over `page`, its scroller (Taro's H5 pages scroll themselves, not the window). */
  async scrollPageTo(expression: string): Promise<void> {
    await this.page.evaluate(`(() => { const pages = document.querySelectorAll('.taro_page.taro_page_show'); const page = pages[pages.length - 1]; page.scrollTop = ${expression}; })()`);
  }

  memberCard(): Locator {
    return this.current.locator('.qy-member-card');
  }

  /**
   * Waits for the page slide-in (and any other CSS transition) to finish, saves the screenshot and a second one
   * at 1.5× text size (<name>@1.5x.png), and fails when the page breaks an accessibility rule
   * (helpers/accessibility.ts) or cuts off text at 1.5× (helpers/text-scale.ts): every page the suite looks at
   * is checked.
   */
  async screenshot(name: string): Promise<string> {
    await this.page.waitForFunction(
      `document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running')`,
    );
    const file = await saveScreenshot(this.page, name);
    const violations = await accessibilityViolations(this.page);
    const clipped = await largeTextCheck(this.page, name);
    recordSurvey(name, violations, clipped);
    if (process.env.QY_A11Y_SURVEY) return file;
    if (violations.length) throw new Error(`accessibility of ${name}: ${JSON.stringify(violations, null, 2)}`);
    if (clipped.length) throw new Error(`text cut off at 1.5× on ${name}: ${JSON.stringify(clipped, null, 2)}`);
    return file;
  }

  /** Waits for the Taro modal (showModal) to show `text`; returns all of its text. */
  async waitForModal(text: string): Promise<string> {
    const modal = this.page.locator('.taro-modal__content', { hasText: text });
    await modal.waitFor();
    return ((await modal.textContent()) ?? '').trim();
  }

  /** Waits for a toast (showToast) saying `text`; the toast box itself has no size, its text has. */
  async waitForToast(text: string): Promise<void> {
    await this.page.locator('.taro__toast').getByText(text).waitFor();
  }

  /** Taps the modal's confirm button (Taro spells its class `model`). */
  async confirmModal(): Promise<void> {
    await this.page.locator('.taro-model__confirm').click();
  }

  /** Waits until no toast (Taro.showToast) covers the page, e.g. before a screenshot. */
  async waitForToastGone(): Promise<void> {
    await this.page.waitForFunction(
      `Array.from(document.querySelectorAll('.taro__toast')).every((toast) => getComputedStyle(toast).display === 'none')`,
    );
  }

  /** Trimmed text of the first match inside the current page, once it shows. */
  async textOf(selector: string): Promise<string> {
    const target = this.current.locator(selector).first();
    await target.waitFor();
    return ((await target.textContent()) ?? '').trim();
  }
}
