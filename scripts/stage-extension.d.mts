export function stageTask(name: string, directory: string): string;
export function stageExtension(directory: string): string;
export function installTask(name: string, agentWorkDir: string): string;
