import type { InputReader } from '../../core/inputs/input-reader.js';
import { ROLE_VARIABLES, parseKeyValueLines } from '../../core/inputs/key-value-lines.js';

/** The `roleVariables` input: Ansible role variables to change, one `name=value` per line. */
export function readRoleVariables(inputs: InputReader): Record<string, string> {
  return parseKeyValueLines('roleVariables', inputs.optional('roleVariables'), ROLE_VARIABLES);
}
