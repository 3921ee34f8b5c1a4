export function packageExtension(outputDir?: string): string;
