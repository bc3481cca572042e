// ESLint looks up the nearest config from each file, so bench/ needs its own: the project's rules,
// and never the built pages and generated data under bench/out/.
import root from '../eslint.config.js'

export default [
  { ignores: ['out/**'] },
  ...root,
  { languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
]
