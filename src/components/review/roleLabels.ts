/**
 * What each role is called on the review page, and a few words on what it covers. Literal message
 * keys (one `t` call per role) so that the message linter sees every key in use.
 */
import { ROLES, type Role } from '../../extract'

type Translate = (key: string) => string

export { ROLES }

export function roleLabel(t: Translate, role: Role): string {
  switch (role) {
    case 'target':
      return t('review.roles.target')
    case 'actual':
      return t('review.roles.actual')
    case 'completion_rate':
      return t('review.roles.completion_rate')
    case 'growth':
      return t('review.roles.growth')
    case 'gap':
      return t('review.roles.gap')
    case 'share':
      return t('review.roles.share')
    case 'rank':
      return t('review.roles.rank')
    case 'progress':
      return t('review.roles.progress')
    case 'count':
      return t('review.roles.count')
  }
}

export function roleHint(t: Translate, role: Role): string {
  switch (role) {
    case 'target':
      return t('review.roleHints.target')
    case 'actual':
      return t('review.roleHints.actual')
    case 'completion_rate':
      return t('review.roleHints.completion_rate')
    case 'growth':
      return t('review.roleHints.growth')
    case 'gap':
      return t('review.roleHints.gap')
    case 'share':
      return t('review.roleHints.share')
    case 'rank':
      return t('review.roleHints.rank')
    case 'progress':
      return t('review.roleHints.progress')
    case 'count':
      return t('review.roleHints.count')
  }
}

/** The class that gives a role its colour (review.css); the label always goes with it. */
export function roleClass(role: Role): string {
  return `review-role--${role.replace('_', '-')}`
}
