export { publicationName } from './publication-store.ts';
