// A web-test-runner command that turns Chromium's forced-colors mode on or off for the test's
// page (as Windows High Contrast does): `executeServerCommand('emulate-forced-colors', { active })`.
// @web/test-runner-commands' emulateMedia cannot (puppeteer refuses the feature), so this goes
// through the DevTools protocol, which both matches the media query and forces the colors.
export function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'maig-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}
