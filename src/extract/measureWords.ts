/**
 * Units the extractor knows beyond the catalogue in `domain/units.ts`. The catalogue holds the units
 * the dashboard stores indicators in; reports count in many more measure words (30台充电桩, 5起事故,
 * 新建道路3.5公里). A figure is a figure whatever it counts, so the extractor must recognise them to
 * find it, even where the dashboard would later store the indicator as a plain count.
 *
 * Words that are also common nouns or verbs after a number are left out on purpose: 期 (二期工程 is
 * a phase), 方 (三方协商 are parties), 度 (a temperature as often as kilowatt-hours), 成 except as
 * below.
 */

export type ExtraFamily = 'count' | 'measure' | 'multiple' | 'tenths'

export interface ExtraUnit {
  word: string
  family: ExtraFamily
}

const COUNT_WORDS = [
  '台次', '架次', '户次', '家次', '台', '套', '间', '座', '栋', '所', '份', '批', '株', '棵', '只', '头', '本',
  '册', '篇', '轮', '起', '宗', '例', '笔', '块', '盏', '根', '枚', '组', '趟', '部门', '部', '面', '片', '单', '对',
  '类', '种', '门', '节', '堂', '届',
]
const MEASURE_WORDS = ['平方千米', '立方米', '千瓦时', '万千瓦', '千瓦', '兆瓦', '公里', '千米', '公顷', '公斤', '千克', '吨', '米']

/**
 * Longest first, so that "台次" wins over "台" and "千瓦时" over "千瓦". 倍 multiplies ("增长1.5倍");
 * 成 is tenths ("近八成" is nearly 80 %), read only after a Chinese digit.
 */
export const EXTRA_UNITS: readonly ExtraUnit[] = [
  ...COUNT_WORDS.map((word): ExtraUnit => ({ word, family: 'count' })),
  ...MEASURE_WORDS.map((word): ExtraUnit => ({ word, family: 'measure' })),
  { word: '倍', family: 'multiple' } satisfies ExtraUnit,
  { word: '成', family: 'tenths' } satisfies ExtraUnit,
].sort((a, b) => b.word.length - a.word.length)

/** Spans of time: a duration or an age describes, it is not an indicator (十几年来, 建成已有14年, 60岁以上). */
export const DURATION_WORDS = ['个多月', '个月', '小时', '分钟', '星期', '工作日', '天', '周', '岁', '秒', '日']

/** Units by first character, so that a look-up costs a few comparisons, not one per unit. */
const BY_FIRST = new Map<string, ExtraUnit[]>()
for (const unit of EXTRA_UNITS) {
  const first = unit.word[0] ?? ''
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), unit])
}

export function matchExtraUnit(text: string, i: number): ExtraUnit | null {
  for (const unit of BY_FIRST.get(text[i] ?? '') ?? []) if (text.startsWith(unit.word, i)) return unit
  return null
}

export function matchDuration(text: string, i: number): string | null {
  for (const word of DURATION_WORDS) if (text.startsWith(word, i)) return word
  return null
}
