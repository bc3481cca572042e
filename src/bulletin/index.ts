/**
 * The bulletin writer (issue 9): sentences generated from the data as segment lists, so that the
 * view can link each figure to its quote, and renderers for plain text and Markdown.
 */
export * from './segments'
export * from './reportFormat'
export * from './progressPhrases'
export * from './bulletinClause'
export * from './regionBulletin'
export * from './projectionText'
export * from './districtSummary'
export * from './districtSummaryText'
export * from './bulletinText'
