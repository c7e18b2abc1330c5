/** Where the session is kept in localStorage (read before the store exists, to see what it needs). */
export const STORAGE_KEY = 'mcx-migration-simulator';
