// "Can I buy today?" as a citizen meets it, on the default real snapshot and
// the bundled rules (public/rules.json, from ../shared/rules-sources.md).
// IDs are the check-digit examples of that sources file.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { bundledRules, validIdExamples } from '../support/data';

const ids = validIdExamples();
const endingIn = (digit: string) => {
  const id = ids.find((i) => i.endsWith(digit));
  if (!id) throw new Error(`no example ID ending in ${digit} in rules-sources.md`);
  return id;
};

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
    const eligibility = app.eligibility;
    await expect(eligibility.buyToday).toContainText('Today (Tue): even IDs');

    await eligibility.open();
    const result = eligibility.verdict;
    await expect(eligibility.whoCanBuy).toContainText('Today, Tue 2020-02-11: IDs ending in an even digit (0, 2, 4, 6, 8) may buy');
    await expect(result).not.toHaveAttribute('data-verdict');
    for (const typed of ['3', endingIn('3')]) {
      await eligibility.enter(typed);
      await expect(result).toHaveAttribute('data-verdict', 'no');
      await expect(result).toHaveAttribute('data-next', '2020-02-12');
      await expect(result).toContainText('Not on this day');
      await expect(result).toContainText('ID ending 3 buys on Mon, Wed, Fri; Sun: anyone.');
      await expect(result).toContainText('Next allowed day: Wed 2020-02-12');
      await expect(result).toContainText('Limit: 2 adult masks per 7 days');
    }
    await app.screenshot('eligibility-no', info.project.name);
    for (const typed of ['4', endingIn('4')]) {
      await eligibility.enter(typed);
      await expect(result).toHaveAttribute('data-verdict', 'yes');
      await expect(result).not.toHaveAttribute('data-next');
      await expect(result).toContainText('Yes, you can buy');
    }
    await expect(eligibility.sourceLink(/cna\.com\.tw/)).toBeVisible();
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
  const eligibility = app.eligibility;
  await eligibility.open();
  const result = eligibility.verdict;
  await eligibility.typeSlowly(id.toLowerCase());
  await expect(result).toHaveAttribute('data-verdict', 'yes'); // Monday, odd
  await eligibility.rememberMyParity();
  await eligibility.checkDay('2020-02-11');
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
  await app.reload();
  await app.settled();
  await eligibility.open();
  await expect(eligibility.input).toHaveValue('');
  await expect(eligibility.verdict).toHaveAttribute('data-verdict', 'no');
  await expect(eligibility.element).toContainText('Remembered: odd');
  // Forgetting is one tap.
  await eligibility.forgetMyParity();
  await expect(eligibility.verdict).not.toHaveAttribute('data-verdict');
  expect(await app.stored('mask-map.parity')).toBeNull();
  await app.screenshot('eligibility-remembered', info.project.name);
});

test('a mistyped ID says what looks wrong and keeps the map as it was', async ({ page }, info) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11' });
  await app.settled();
  const shown = await app.shownCount();
  const eligibility = app.eligibility;
  await eligibility.open();
  const result = eligibility.verdict;
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
    await eligibility.enter(typed);
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
  const eligibility = app.eligibility;
  const result = eligibility.verdict;
  await expect(eligibility.element).toBeVisible();
  await expect(eligibility.whoCanBuy).toContainText('On Thu 2020-04-09: anyone may buy');
  await eligibility.enter('3');
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('No odd/even rule: any day.');
  await expect(result).toContainText('9 adult masks per 14 days');

  // Before rationing began: no rule, and when it starts.
  await eligibility.checkDay('2020-01-20');
  await expect(result).toHaveAttribute('data-verdict', 'no-rule');
  await expect(result).toContainText('The next starts 2020-02-06, until 2020-03-04');
  await expect(page).toHaveURL(/date=2020-01-20/);

  // Rapid tests, from the 2022 feed: withdrawn after 2023-04-30.
  await app.goto({ tiles: 'none', lang: 'en', feed: 'data/rapidtest-2022-04-28.csv', date: '2023-05-01' });
  await app.settled();
  await eligibility.enter('8');
  await expect(result).toHaveAttribute('data-verdict', 'no-rule');
  await expect(result).toContainText('The last rationing ran 2022-10-01 to 2023-04-30');
  await eligibility.checkDay('2022-04-28');
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('1 boxes of rapid tests per person per round');
});

test('my last purchase: the 7-day window and the parity rule give the next day; clearing is one tap', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-20' });
  await app.settled();
  const eligibility = app.eligibility;
  const result = eligibility.verdict;
  await eligibility.enter('4'); // Thursday: an even day
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  // "Bought on 2/16 → next purchase 2/23" (a Sunday, open to anyone).
  await eligibility.boughtOn('2020-02-16');
  await expect(result).toHaveAttribute('data-verdict', 'no');
  await expect(result).toHaveAttribute('data-next', '2020-02-23');
  await expect(eligibility.nextPurchase).toHaveText('Bought on 2020-02-16 → next purchase from Sun 2020-02-23.');
  expect(await app.stored('mask-map.last-purchase.adult')).toBe('2020-02-16');
  await app.screenshot('eligibility-purchase', info.project.name);

  await eligibility.clearPurchase();
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(eligibility.nextPurchase).toHaveCount(0);
  expect(await app.stored('mask-map.last-purchase.adult')).toBeNull();
});

test('a broken or missing rules file is named, and the bundled rules still answer', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11', rules: 'data/SOURCES.md' });
  await app.settled();
  const problem = app.eligibility.rulesProblem;
  await expect(problem).toContainText("The rules file data/SOURCES.md can't be used: it has a mistake");
  await expect(problem).toContainText('The built-in rules apply.');
  await app.eligibility.enter('3');
  await expect(app.eligibility.verdict).toHaveAttribute('data-verdict', 'no');

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
  const result = app.eligibility.verdict;
  await app.eligibility.enter('3'); // the 11th is odd
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  await expect(result).toContainText('ID ending 3 buys on odd days of the month; day 31: anyone.');
  await expect(app.eligibility.rulesProblem).toHaveCount(0);
});

test('in Chinese, the summary and the verdict read naturally', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', date: '2020-02-11' });
  await app.settled();
  await expect(app.eligibility.buyToday).toContainText('2/11（二）雙號可買');
  await expect(app.eligibility.whoCanBuy).toContainText('2020-02-11（週二）：身分證末碼為雙號（0、2、4、6、8）者可購買');
  await app.eligibility.enter('3');
  const result = app.eligibility.verdict;
  await expect(result).toContainText('這天不能購買');
  await expect(result).toContainText('下次可購買：2020-02-12（週三）');
  await app.screenshot('eligibility-zh', info.project.name);
});
