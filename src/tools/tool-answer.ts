import { ToolAnswerError } from '../core/errors.js';

/** A tool's JSON answer, parsed; an answer that is no JSON is the tool's error, named, not a crash. */
export function parseToolJson<T>(tool: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ToolAnswerError(tool, 'JSON', `${JSON.stringify(text.trim().slice(0, 120))} (${(error as Error).message})`);
  }
}
