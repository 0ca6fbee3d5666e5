// The Administration area as a site administrator uses it: its tabs, its forms, its pickers.
// Every interaction goes through WebDriver clicks and key presses.

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Opens Administration from the sidebar, then one of its tabs. */
export async function openAdmin(browser, section) {
  await $(browser, 'nav-admin').click();
  await $(browser, 'admin-tabs').waitForDisplayed({ timeoutMsg: 'Administration did not open' });
  await $(browser, `admin-tab-${section}`).click();
  await $(browser, `admin-${section}`).waitForDisplayed({ timeoutMsg: `the ${section} tab did not open` });
}

/** Picks an option by its visible text in the open dropdown of a Select or MultiSelect. */
export async function pickOption(browser, inputTestId, text) {
  await $(browser, inputTestId).click();
  const option = browser.$(`//*[@role="option"][normalize-space(.)="${text}"]`);
  await option.waitForDisplayed({ timeoutMsg: `no option "${text}" in ${inputTestId}` });
  await option.click();
}

/** Text of every element with this test id, read in one script call. */
export async function textsOf(browser, testId) {
  return browser.execute(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((el) => el.textContent ?? ''),
    testId,
  );
}

/** Draws the page in Mantine's dark scheme (or back), as the OS setting would, for screenshots. */
export async function setColorScheme(browser, scheme) {
  await browser.execute((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
}
