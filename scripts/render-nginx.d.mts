// Types for scripts/render-nginx.mjs.
export interface NginxValues {
  listen: string;
  root: string;
  basePath: string;
  contentSecurityPolicy: string;
  runtimeDir: string;
  accessLog: string;
  errorLog: string;
  mimeTypes: string;
}
export declare const TEMPLATE_PATH: string;
export declare function renderNginxConf(template: string, values: NginxValues): string;
