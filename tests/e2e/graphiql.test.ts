import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
beforeAll(async () => {
  sys = await startTestSystem();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

describe('GraphiQL served by the gateway, with no internet', () => {
  it('loads only from the gateway, runs a query with a token and shows the answer', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(sys.gateway.url)) foreign.push(req.url());
    });
    await page.goto(`${sys.gateway.url}/graphql`, { headers: { accept: 'text/html' } } as never);
    await page.waitForSelector('.graphiql-container', { timeout: 15_000 });

    const token = await sys.personaToken('newcomer-bc');
    const query = 'query Me { me { givenName province } }';
    await page.evaluate(
      ({ query, headers }) => {
        // GraphiQL keeps its editors in CodeMirror 5 instances on the DOM nodes.
        // Runs in the browser; the project compiles without DOM types, hence the narrow cast.
        type Cm = { CodeMirror: { setValue(v: string): void } };
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }).document;
        const editors = Array.from(doc.querySelectorAll('.graphiql-editor:not(.hidden) > .CodeMirror')) as Cm[];
        // Visible editors: the query, then the open tool tab (Headers, as the IDE opens it).
        editors[0]!.CodeMirror.setValue(query);
        editors[1]!.CodeMirror.setValue(headers);
      },
      { query, headers: JSON.stringify({ Authorization: `Bearer ${token}` }) },
    );
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.result-window :text("Hassan")', { timeout: 10_000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('"province": "BC"');
    expect(foreign).toEqual([]);
    await page.screenshot({ path: '/tmp/graphiql.png' });
  });
});
