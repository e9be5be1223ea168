export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv;
export function runPrisma(args: string[], options?: { databaseUrl?: string; quiet?: boolean }): number;
