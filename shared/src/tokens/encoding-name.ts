import { z } from 'zod';

/** The OpenAI encodings tokentally counts exactly. */
export const encodingNameSchema = z.enum(['o200k_base', 'cl100k_base']);

/** Name of an encoding tokentally counts exactly. */
export type EncodingName = z.infer<typeof encodingNameSchema>;
