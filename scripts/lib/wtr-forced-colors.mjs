// A web-test-runner command that turns Chromium's forced-colors emulation on or off for the
// calling page: `executeServerCommand('emulate-forced-colors', { active: true })`.
// @web/test-runner-commands' emulateMedia supports `forcedColors` only with Playwright; this
// runner drives Chromium through puppeteer, so this sends the DevTools protocol command itself.
const sessions = new Map();

export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('emulate-forced-colors needs the puppeteer (Chrome) launcher.');
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        // Kept open: the emulation lasts as long as the session that set it.
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        page.once('close', () => sessions.delete(page));
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}
