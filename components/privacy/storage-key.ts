/**
 * The one localStorage key JWT Lens may write (after opt-in). Its own module, free of React hooks, so the
 * server-rendered About text can name it.
 */
export const PREFERENCES_STORAGE_KEY = 'jwt-lens:settings';
