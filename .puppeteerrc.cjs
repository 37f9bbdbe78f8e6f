// Browsers come from Debian's `chromium` package, never from Puppeteer's own download.
/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  executablePath: '/usr/bin/chromium',
};
