import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { openTestSocket } from '../test-support/ws-client';
import { textFrames } from './text-frames';

let cleanup: () => Promise<void> = () => Promise.resolve();
afterEach(() => cleanup());

// A real `ws` client must read the frames as the messages they hold: each of the three length encodings, and
// text that is longer in bytes than in characters.
it('frames texts so that a WebSocket client receives each as one message', async () => {
  // `{"e":"…"}` around `bytes - 8` characters: exactly `bytes` long, on each side of each length boundary.
  const ofBytes = (bytes: number): string => JSON.stringify({ e: 'x'.repeat(bytes - 8) });
  const texts = [
    JSON.stringify({ short: 'a' }),
    JSON.stringify({ accented: 'é'.repeat(100) }),
    ofBytes(125),
    ofBytes(126),
    ofBytes(65_535),
    ofBytes(65_536),
    JSON.stringify({ after: 'the long ones' }),
  ];
  expect(texts.slice(2, 6).map((text) => Buffer.byteLength(text))).toEqual([125, 126, 65_535, 65_536]);
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, () => {
      socket.write(textFrames(texts));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanup = async () => {
    wss.close();
    server.close();
    await once(server, 'close');
  };
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const client = await openTestSocket(`ws://127.0.0.1:${port}`);
  const messages = await client.waitFor(texts.length);
  client.socket.close();
  expect(messages).toEqual(texts.map((text): unknown => JSON.parse(text)));
});
