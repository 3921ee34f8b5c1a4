export function packageVersion(): string;
export function stageTask(name: string, directory: string): string;
export function stageExtension(directory: string): string;
export function installTask(name: string, agentWorkDir: string, unpackedExtension?: string): string;
