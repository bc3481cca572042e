import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the built app must also run from a plain static server or from file:// (offline build).
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: { name: 'data' } },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
    { path: '/:pathMatch(.*)*', redirect: { name: 'data' } },
  ],
})
