export function publicationName(): string {
  return 'publication';
}
