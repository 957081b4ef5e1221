import type { RequestInitLike, ResponseLike } from './transport';

/** What a fake fetch answers: a status and a JSON body (or raw text), or a thrown network error. */
export type FakeAnswer =
  { status: number; json: unknown } | { status: number; text: string } | { throws: Error };

/** A request the fake fetch received. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch for tests: records each request and answers from `answer`, with a minimal Response. */
export function fakeFetch(answer: (request: RecordedRequest) => FakeAnswer) {
  const requests: RecordedRequest[] = [];
  const fetch = (url: string, init: RequestInitLike): Promise<ResponseLike> => {
    const request: RecordedRequest = {
      url,
      method: init.method,
      headers: init.headers,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
    };
    requests.push(request);
    const reply = answer(request);
    if ('throws' in reply) return Promise.reject(reply.throws);
    const body = 'text' in reply ? reply.text : JSON.stringify(reply.json);
    return Promise.resolve({
      status: reply.status,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: () => Promise.resolve(body),
    });
  };
  return { fetch, requests };
}
