// The roadmap as files: initiatives and steps exported as CSV or XLSX with
// stable column names and external ids, and such a file imported back through
// the page or the API, all of it or, on any problem, nothing. The roadmap's
// page shows the links to the files and the import.
export { roadmapFileRoutes } from './roadmap-file-routes.tsx';
export { roadmapImportApi } from './roadmap-import-api.ts';
export { RoadmapFileActions } from './roadmap-import-views.tsx';
