/** Hono's environment for this Worker: bindings from wrangler.toml (see worker-configuration.d.ts). */
export interface AppEnv {
  Bindings: Env;
}
