import type { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';

/** One warning per input given by its old name, in the platform's words, once every input was read and found good. */
export function warnOfDeprecatedInputs(inputs: InputReader, pipeline: Pipeline): void {
  for (const { oldName, name } of inputs.deprecations) {
    pipeline.log.warning(`${pipeline.inputLabel(oldName)} is deprecated and goes in the next minor release: use ${pipeline.inputLabel(name)}.`);
  }
}
