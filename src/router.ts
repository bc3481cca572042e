import { createRouter, createWebHashHistory } from 'vue-router'

/** The views, in navigation order. Each is its own lazily loaded chunk. */
export const VIEW_ROUTES = [
  { path: '/overview', name: 'overview', component: () => import('./views/OverviewView.vue') },
  { path: '/targets', name: 'targets', component: () => import('./views/TargetsView.vue') },
  { path: '/projects', name: 'projects', component: () => import('./views/ProjectsView.vue') },
  { path: '/growth', name: 'growth', component: () => import('./views/GrowthView.vue') },
  { path: '/livelihood', name: 'livelihood', component: () => import('./views/LivelihoodView.vue') },
  { path: '/explorer', name: 'explorer', component: () => import('./views/ExplorerView.vue') },
  { path: '/bulletin', name: 'bulletin', component: () => import('./views/BulletinView.vue') },
  { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
  { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue') },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
] as const

export type ViewName = (typeof VIEW_ROUTES)[number]['name']

// Hash history: the built app must also run from a plain static server or from file:// (offline build).
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: (to) => ({ name: 'overview', query: to.query }) },
    ...VIEW_ROUTES,
    // Full-screen routes outside the navigation: the audience's slides and the presenter's window.
    { path: '/present', name: 'present', component: () => import('./views/PresentView.vue'), meta: { bare: true } },
    { path: '/presenter', name: 'presenter', component: () => import('./views/PresenterView.vue'), meta: { bare: true } },
    { path: '/:pathMatch(.*)*', redirect: (to) => ({ name: 'overview', query: to.query }) },
  ],
})
