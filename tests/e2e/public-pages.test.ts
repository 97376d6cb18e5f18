import fs from 'node:fs'
import path from 'node:path'
import { type Page } from '@playwright/test'
import { holdFirstOfferedTime } from '../booking-utils.ts'
import { expect, expectAccessible, ROOT, test } from '../playwright-utils.ts'

// What Lighthouse checks on the public pages (npm run lighthouse, goal e of
// docs/performance-goals.md), kept here so that it cannot quietly come back.

/** Home, the treatment list and the slot picker, as a patient reaches them. */
async function visitPublicPages(page: Page, onEachPage: (path: string) => Promise<void>) {
  await page.goto('/')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Microneedling at our Milan clinic' }),
  ).toBeVisible()
  await onEachPage('/')
  await page.goto('/book')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Which treatment would you like?' }),
  ).toBeVisible()
  await onEachPage('/book')
  // The consultation: no health questions, so the next page is the slot picker.
  await page.getByRole('button', { name: 'Choose Skin consultation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a day and time' })).toBeVisible()
  await onEachPage('/book/time')
}

test.describe('public pages for search engines @no-js', () => {
  test('every public page has a description for search results', async ({ page }) => {
    await visitPublicPages(page, async (path) => {
      const descriptions = await page.evaluate(() =>
        [...document.querySelectorAll('meta[name="description"]')].map((meta) =>
          meta.getAttribute('content'),
        ),
      )
      expect(descriptions, path).toHaveLength(1)
      expect(descriptions[0]?.length ?? 0, path).toBeGreaterThan(50)
      await expectAccessible(page)
    })
  })
})

test.describe('public pages with JavaScript', () => {
  test('loading and hydrating them breaks no Content Security Policy rule', async ({ page }) => {
    // The browser reports each violation as an event on the document (and to /csp-report).
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`)
      })
    })
    const violations: string[] = []
    await visitPublicPages(page, async (path) => {
      // Wait until the page's scripts have loaded and run (the slot picker hydrates its forms).
      await page.waitForLoadState('networkidle')
      const seen = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      )
      violations.push(...seen.map((violation) => `${path}: ${violation}`))
      await expectAccessible(page)
    })
    expect(violations).toEqual([])
  })

  test('the details form checks its fields in the browser without breaking the CSP', async ({
    page,
  }) => {
    // The pages before it load no zod; this one does, after root has told zod not to probe
    // for eval (app/utils/zod-config.ts). A probe would be a script-src violation.
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`)
      })
    })
    await page.goto('/book')
    await page.getByRole('button', { name: 'Choose Skin consultation' }).click()
    await holdFirstOfferedTime(page)
    await page.waitForLoadState('networkidle')
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url())
    })
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Continue' }).click()
    // In the error summary and beside the field.
    await expect(page.getByText('Enter an email address like name@example.com.')).toHaveCount(2)
    // Checked by the shared zod schema in the browser: the form was never posted.
    expect(posts).toEqual([])
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )
    expect(violations).toEqual([])
    await expectAccessible(page)
  })

  test('the stylesheet comes inside the page and stays through in-app navigation', async ({
    page,
  }) => {
    const stylesheetBytes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('head style')].reduce(
          (sum, style) => sum + (style.textContent?.length ?? 0),
          0,
        ),
      )
    await page.goto('/')
    expect(await stylesheetBytes()).toBeGreaterThan(5000)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Book', exact: true })
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await stylesheetBytes()).toBeGreaterThan(5000)
    // The skip link is styled off-screen until focused: unstyled, it would sit in the flow.
    const skipLink = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox()
    expect(skipLink === null || skipLink.y < 0 || skipLink.x < 0).toBe(true)
  })

  test('the pages, their scripts and styles arrive compressed', async ({ page }) => {
    const assets: { path: string; encoding: string | undefined }[] = []
    const documents: { path: string; encoding: string | undefined }[] = []
    page.on('response', (response) => {
      const { pathname } = new URL(response.url())
      const encoding = response.headers()['content-encoding']
      if (/^\/build\/.+\.(js|css)$/.test(pathname)) assets.push({ path: pathname, encoding })
      if (response.request().resourceType() === 'document')
        documents.push({ path: pathname, encoding })
    })
    await visitPublicPages(page, async () => {
      await page.waitForLoadState('networkidle')
      await expectAccessible(page)
    })
    // Below 1 KB compression saves less than the headers cost, so those stay plain.
    const worthIt = assets.filter(
      (asset) => fs.statSync(path.join(ROOT, 'public', asset.path)).size > 1024,
    )
    expect(worthIt.length).toBeGreaterThan(5)
    expect(worthIt.filter((asset) => !['br', 'gzip'].includes(asset.encoding ?? ''))).toEqual([])
    // Without JavaScript every page is a document; with it, at least the first one.
    expect(documents.length).toBeGreaterThan(0)
    expect(documents.filter((doc) => !['br', 'gzip'].includes(doc.encoding ?? ''))).toEqual([])
  })
})
