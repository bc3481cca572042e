import type { LocaleCode } from '../src/domain/model'

/** `--lang zh|en` wins; otherwise the shell's LANG/LC_ALL decides; English by default in a terminal. */
export function cliLocale(argv: readonly string[]): LocaleCode {
  const flag = argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length)
  const wanted = flag ?? process.env.LC_ALL ?? process.env.LANG ?? ''
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en'
}
