// The public roadmap: an admin or coordinator publishes a plan's roadmap at an
// address nobody can guess (with or without budgets) or takes it down, and
// anyone reads what is marked public there, as a page or as JSON, with no
// sign-in. The roadmap's page links to the publication controls.
export { publicationApi } from './publication-api.ts';
export { publicationRoutes } from './publication-routes.tsx';
export { publicationHref } from './publication-views.tsx';
