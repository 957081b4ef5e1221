import { handleCountMessage } from './count-handler';

// The popup's count worker: counting a long page off the UI thread keeps the popup responsive.
addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleCountMessage(event.data, (reply) => {
    postMessage(reply);
  });
});
