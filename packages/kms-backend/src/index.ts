/**
 * Placeholder entry point. The backend is not implemented yet, so it exports no `backend`:
 * the toolkit's backend loader sees that and reports the backend as unavailable.
 */
export const unavailable = 'this backend is not implemented yet';
