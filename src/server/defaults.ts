// Where the server listens unless told otherwise; apart from listen.ts so the CLI can show the
// defaults in its help without loading the server.
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
