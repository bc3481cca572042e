/**
 * The Content Security Policy of the built app, shipped as a <meta> tag (build only: the dev server
 * injects inline scripts for hot reload). The README gives the same policy as a server header.
 *
 * - Scripts only from the app's own origin: no inline script, no eval (messages are precompiled,
 *   Vue is the runtime-only build).
 * - Styles from the app's stylesheets; ECharts' HTML tooltip and Vue's :style write style
 *   *attributes*, hence 'unsafe-inline' for style-src-attr only.
 * - Data only from the same origin (?data= links), images from data:/blob: (chart exports).
 */
import type { Plugin } from 'vite'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  }
}
