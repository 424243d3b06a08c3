// "Can I buy today?" as a citizen meets it, on the default real snapshot and
// the bundled rules (public/rules.json, from ../shared/rules-sources.md).
// IDs are the check-digit examples of that sources file.
import { test, expect, type Page } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { bundledRules, validIdExamples } from '../support/data';

const ids = validIdExamples();
const endingIn = (digit: string) => {
  const id = ids.find((i) => i.endsWith(digit));
  if (!id) throw new Error(`no example ID ending in ${digit} in rules-sources.md`);
  return id;
};

async function openPanel(page: Page) {
  const panel = page.getByTestId('eligibility');
  if (!(await panel.isVisible())) await page.getByTestId('buy-today').click();
  await expect(panel).toBeVisible();
  return { input: page.getByTestId('eligibility-input'), result: page.getByTestId('eligibility-result') };
}

test.describe('seen from Los Angeles on Monday evening, 2020-02-10T17:30Z', () => {
  // Monday 09:30 there; Tuesday 01:30 in Taipei, where the rule applies.
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the day is Taipei\'s: ID ending 3 may not buy (next: Wednesday), ID ending 4 may', async ({ page }, info) => {
    await page.clock.setFixedTime(new Date('2020-02-10T17:30:00Z'));
    const app = new MapPage(page);
    await app.goto({ tiles: 'none', lang: 'en' });
    await app.settled();
    // The browser itself thinks it is Monday.
    expect(await page.evaluate(() => new Date().getDay())).toBe(1);

    // Who may buy today needs no input.
    await expect(page.getByTestId('buy-today')).toContainText('Today (Tue): even IDs');

    const { input, result } = await openPanel(page);
    await expect(page.getByTestId('who-can-buy')).toContainText('Today, Tue 2020-02-11: IDs ending in an even digit (0, 2, 4, 6, 8) may buy');
    await expect(result).not.toHaveAttribute('data-verdict');
    for (const typed of ['3', endingIn('3')]) {
      await input.fill(typed);
      await expect(result).toHaveAttribute('data-verdict', 'no');
      await expect(result).toHaveAttribute('data-next', '2020-02-12');
      await expect(result).toContainText('Not on this day');
      await expect(result).toContainText('ID ending 3 buys on Mon, Wed, Fri; Sun: anyone.');
      await expect(result).toContainText('Next allowed day: Wed 2020-02-12');
      await expect(result).toContainText('Limit: 2 adult masks per 7 days');
    }
    await app.screenshot('eligibility-no', info.project.name);
    for (const typed of ['4', endingIn('4')]) {
      await input.fill(typed);
      await expect(result).toHaveAttribute('data-verdict', 'yes');
      await expect(result).not.toHaveAttribute('data-next');
      await expect(result).toContainText('Yes, you can buy');
    }
    await expect(page.getByTestId('eligibility').getByRole('link', { name: /cna\.com\.tw/ })).toBeVisible();
    expect(app.pageErrors).toEqual([]);
  });
});

test('a whole ID never leaves the page: no request, URL, storage or log holds it', async ({ page }, info) => {
  const id = endingIn('9'); // a national ID from the sources file
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()} ${r.postData() ?? ''} ${JSON.stringify(r.headers())}`));
  page.on('console', (m) => seen.push(m.text()));
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-10' });
  await app.settled();
  const { input, result } = await openPanel(page);
  await input.pressSequentially(id.toLowerCase(), { delay: 10 });
  await expect(result).toHaveAttribute('data-verdict', 'yes'); // Monday, odd
  await page.getByTestId('remember-parity').check();
  await page.getByTestId('eligibility-date').fill('2020-02-11');
  await expect(result).toHaveAttribute('data-verdict', 'no');
  // Let any late request or write happen before looking.
  await page.waitForTimeout(500);

  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
    return { local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie, url: location.href };
  });
  const cookies = await page.context().cookies();
  const haystack = [...seen, ...storage.local, ...storage.session, storage.cookies, storage.url, page.url(), JSON.stringify(cookies)].join('\n').toUpperCase();
  for (const needle of [id, id.slice(1), id.slice(2)]) expect(haystack).not.toContain(needle);
  // Only the parity is remembered, and only because the user asked.
  expect(storage.local).toContain('mask-map.parity=odd');
  expect(storage.url).toContain('date=2020-02-11');

  // Back later: the input is empty, the parity still answers.
  await page.reload();
  await app.settled();
  const again = await openPanel(page);
  await expect(again.input).toHaveValue('');
  await expect(again.result).toHaveAttribute('data-verdict', 'no');
  await expect(page.getByTestId('eligibility')).toContainText('Remembered: odd');
  // Forgetting is one tap.
  await page.getByTestId('remember-parity').uncheck();
  await expect(again.result).not.toHaveAttribute('data-verdict');
  expect(await page.evaluate(() => localStorage.getItem('mask-map.parity'))).toBeNull();
  await app.screenshot('eligibility-remembered', info.project.name);
});

test('a mistyped ID says what looks wrong and keeps the map as it was', async ({ page }, info) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11' });
  await app.settled();
  const shown = await app.shownCount();
  const { input, result } = await openPanel(page);
  const id = endingIn('9');
  const typo = id.slice(0, 9) + '8';
  const cases: [string, string][] = [
    [typo, "The check digit doesn't match"],
    [id.slice(0, 7), 'An ID has 10 characters and this has 7'],
    ['x', 'Type the last digit of your ID (0–9).'],
    // Markup is only text; the field keeps at most 20 characters.
    ['<script>alert(1)</script>', 'An ID has 10 characters and this has 20'],
    ['1' + id.slice(1), 'A whole ID starts with a letter.'],
  ];
  for (const [typed, says] of cases) {
    await input.fill(typed);
    await expect(result).toHaveAttribute('data-verdict', 'invalid');
    await expect(result).toContainText(says);
  }
  await app.screenshot('eligibility-invalid', info.project.name);
  expect(await app.shownCount()).toBe(shown);
  expect(dialogs).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test('the date parameter and the picker check another day, before and after the rules', async ({ page }) => {
  const app = new MapPage(page);
  // 2020-04-09: the day the parity rule was dropped; a link with date= opens the panel.
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-04-09' });
  await app.settled();
  const result = page.getByTestId('eligibility-result');
  await expect(page.getByTestId('eligibility')).toBeVisible();
  await expect(page.getByTestId('who-can-buy')).toContainText('On Thu 2020-04-09: anyone may buy');
  await page.getByTestId('eligibility-input').fill('3');
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('No odd/even rule: any day.');
  await expect(result).toContainText('9 adult masks per 14 days');

  // Before rationing began: no rule, and when it starts.
  await page.getByTestId('eligibility-date').fill('2020-01-20');
  await expect(result).toHaveAttribute('data-verdict', 'no-rule');
  await expect(result).toContainText('The next starts 2020-02-06, until 2020-03-04');
  await expect(page).toHaveURL(/date=2020-01-20/);

  // Rapid tests, from the 2022 feed: withdrawn after 2023-04-30.
  await app.goto({ tiles: 'none', lang: 'en', feed: 'data/rapidtest-2022-04-28.csv', date: '2023-05-01' });
  await app.settled();
  await page.getByTestId('eligibility-input').fill('8');
  await expect(result).toHaveAttribute('data-verdict', 'no-rule');
  await expect(result).toContainText('The last rationing ran 2022-10-01 to 2023-04-30');
  await page.getByTestId('eligibility-date').fill('2022-04-28');
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('1 boxes of rapid tests per person per round');
});

test('my last purchase: the 7-day window and the parity rule give the next day; clearing is one tap', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-20' });
  await app.settled();
  const result = page.getByTestId('eligibility-result');
  await page.getByTestId('eligibility-input').fill('4'); // Thursday: an even day
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  // "Bought on 2/16 → next purchase 2/23" (a Sunday, open to anyone).
  await page.getByTestId('last-purchase').fill('2020-02-16');
  await expect(result).toHaveAttribute('data-verdict', 'no');
  await expect(result).toHaveAttribute('data-next', '2020-02-23');
  await expect(page.getByTestId('next-purchase')).toHaveText('Bought on 2020-02-16 → next purchase from Sun 2020-02-23.');
  expect(await page.evaluate(() => localStorage.getItem('mask-map.last-purchase.adult'))).toBe('2020-02-16');
  await app.screenshot('eligibility-purchase', info.project.name);

  await page.getByTestId('clear-purchase').click();
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(page.getByTestId('next-purchase')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('mask-map.last-purchase.adult'))).toBeNull();
});

test('a broken or missing rules file is named, and the bundled rules still answer', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11', rules: 'data/SOURCES.md' });
  await app.settled();
  const problem = page.getByTestId('rules-problem');
  await expect(problem).toContainText("The rules file data/SOURCES.md can't be used: it has a mistake");
  await expect(problem).toContainText('The built-in rules apply.');
  await page.getByTestId('eligibility-input').fill('3');
  await expect(page.getByTestId('eligibility-result')).toHaveAttribute('data-verdict', 'no');

  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11', rules: 'no-such-rules.json' });
  await expect(problem).toContainText('the server said 404');
});

test('a rules file from the link replaces the bundled one', async ({ page }) => {
  // The bundled rules with adult masks switched to odd/even days of the month.
  const rules = bundledRules();
  rules.products.adult[0].parity = { scheme: 'calendar-day', anyone: [31] };
  await page.route('**/custom-rules.json', (route) => route.fulfill({ json: rules }));
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11', rules: 'custom-rules.json' });
  await app.settled();
  const result = page.getByTestId('eligibility-result');
  await page.getByTestId('eligibility-input').fill('3'); // the 11th is odd
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('ID ending 3 buys on odd days of the month; day 31: anyone.');
  await expect(page.getByTestId('rules-problem')).toHaveCount(0);
});

test('in Chinese, the summary and the verdict read naturally', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', date: '2020-02-11' });
  await app.settled();
  await expect(page.getByTestId('buy-today')).toContainText('2/11（二）雙號可買');
  await expect(page.getByTestId('who-can-buy')).toContainText('2020-02-11（週二）：身分證末碼為雙號（0、2、4、6、8）者可購買');
  await page.getByTestId('eligibility-input').fill('3');
  const result = page.getByTestId('eligibility-result');
  await expect(result).toContainText('這天不能購買');
  await expect(result).toContainText('下次可購買：2020-02-12（週三）');
  await app.screenshot('eligibility-zh', info.project.name);
});
