/** Where the core writes progress. Each door maps it onto its platform's logging. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export const silentLog: Log = { info: () => {}, warning: () => {}, debug: () => {} };
