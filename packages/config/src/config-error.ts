/** A missing or bad setting: the process stops at start with this message (never a secret's value). */
export class ConfigError extends Error {
  override name = "ConfigError";
}
