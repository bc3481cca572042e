/** The dashboard's views as routes, for tests and the screenshot script (mirrors src/router.ts). */
export const VIEW_NAMES = ['overview', 'targets', 'projects', 'growth', 'livelihood', 'explorer', 'bulletin', 'data', 'review', 'import'] as const
