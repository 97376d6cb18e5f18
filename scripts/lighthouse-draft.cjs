/* global module */
// LHCI puppeteerScript (run with puppeteer-core, which Lighthouse already brings): before
// Lighthouse audits /book/time, start a booking the way a patient does, so the browser carries
// a patient cookie with a draft and the page is the real slot picker, not a redirect to /book.
// LHCI runs this once per URL, before that URL's runs; the cookie stays for all of them.
module.exports = async (browser, { url }) => {
  if (new URL(url).pathname !== '/book/time') return
  const page = await browser.newPage()
  await page.goto(new URL('/book', url).href, { waitUntil: 'load' })
  // The consultation's "Choose" button (a treatment asks the health questions first): a real
  // same-origin form post, then the redirect.
  const buttons = await page.$$('form button[name="serviceId"]')
  const labels = await Promise.all(
    buttons.map((button) => button.evaluate((node) => node.textContent ?? '')),
  )
  const choose = buttons[labels.findIndex((label) => /consultation/i.test(label))]
  if (!choose) throw new Error('No consultation to choose on /book')
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), choose.click()])
  const landed = new URL(page.url()).pathname
  if (landed !== '/book/time')
    throw new Error(`Choosing a treatment led to ${landed}, not /book/time`)
  await page.close()
}
