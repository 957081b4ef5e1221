// The daemon's own dependencies, re-exported for bench/ (which has no node_modules of its own for them).
export { default as Database } from 'better-sqlite3';
export { WebSocket, WebSocketServer } from 'ws';
export { z } from 'zod';
