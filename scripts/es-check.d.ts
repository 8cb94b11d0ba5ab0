/** The part of es-check's Node API (it ships no types) that scripts/check-compat.ts uses. */
declare module "es-check" {
  export interface EsCheckConfig {
    ecmaVersion: string;
    files: string[];
    module?: boolean;
    checkFeatures?: boolean;
    checkBrowser?: boolean;
    browserslistQuery?: string;
    /** Comma-separated feature names not to report. */
    ignore?: string;
  }
  export function runChecks(
    configs: EsCheckConfig[],
  ):
    | { success: boolean; errors: { file: string; err: Error }[] }
    | Promise<{ success: boolean; errors: { file: string; err: Error }[] }>;
}
