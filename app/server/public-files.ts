/**
 * Whether a URL path can name a file in public/: its last segment has an extension, as every file
 * there does (favicon.ico, robots.txt). Page paths skip the file-system look-up entirely.
 */
export function namesAFile(urlPath: string): boolean {
  const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1)
  return lastSegment.lastIndexOf('.') > 0
}
