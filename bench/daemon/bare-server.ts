// The baseline of the POST benchmark: a bare node:http server that reads the body and answers 200 with JSON.
//   node --import tsx bench/daemon/bare-server.ts  → prints {"port"} once listening
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const body = '{"accepted":1,"duplicates":0,"first_seq":1,"last_seq":1}';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
