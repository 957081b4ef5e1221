// The baseline of the WebSocket benchmark: a bare `ws` server that parses each message and acknowledges it,
// storing nothing.   node --import tsx bench/daemon/bare-ws-server.ts  → prints {"port"}
import { createServer } from 'node:http';
import { WebSocketServer, z } from '../../daemon/src/test-support/bench-deps';

const messageSchema = z.object({ ref: z.number(), events: z.array(z.unknown()) });

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"last_seq":0}');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket) => {
  socket.on('message', (data: Buffer) => {
    const message = messageSchema.parse(JSON.parse(data.toString()));
    socket.send(
      JSON.stringify({
        type: 'ack',
        ref: message.ref,
        accepted: message.events.length,
        duplicates: 0,
        last_seq: 0,
      }),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
