import { loadEncoding } from '@tokentally/shared/tokens/load-encoding';
import { countRequestSchema, type CountReply } from './count-protocol';
import { countText } from './count-text';
import { encodingForModel } from '@tokentally/shared/tokens/model-encoding';

/**
 * Answers one message sent to the count worker through `post`: progress then the result of a count, or an error
 * naming the request. A `warm` request loads an encoding so the first real count does not wait for it; messages
 * that are not requests are ignored.
 */
export async function handleCountMessage(data: unknown, post: (reply: CountReply) => void): Promise<void> {
  const parsed = countRequestSchema.safeParse(data);
  if (!parsed.success) return;
  const request = parsed.data;
  if (request.type === 'warm') {
    await loadEncoding(encodingForModel(request.model).encoding).catch(() => undefined);
    return;
  }
  const { id } = request;
  try {
    const result = await countText(request.text, request.model, (progress) => {
      post({ type: 'progress', id, ...progress });
    });
    post({ type: 'result', id, ...result });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
