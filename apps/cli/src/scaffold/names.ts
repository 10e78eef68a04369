import { usageError } from "../exit-codes";

/** Every spelling of a new connector's name the templates need. */
export interface ConnectorNames {
  /** Folder, manifest id and package suffix: "bamboo-hr". */
  id: string;
  /** The exported connector value: "bambooHr". */
  camel: string;
  /** Type prefix: "BambooHr". */
  pascal: string;
  /** What people read: "Bamboo Hr" (the author renames it in the manifest). */
  title: string;
  packageName: string;
}

const reserved = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null return static super switch this throw true try typeof var void while with yield await".split(
    " ",
  ),
);

/** Validates a connector name (lower-case kebab case) and derives the other spellings. */
export function connectorNames(name: string): ConnectorNames {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > 30) {
    throw usageError(
      `"${name}" is not a valid connector name`,
      "Use lower-case letters, digits and single dashes, starting with a letter (e.g. bamboo-hr), at most 30 characters.",
    );
  }
  const words = name.split("-");
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const camel = words[0] + words.slice(1).map(cap).join("");
  if (reserved.has(camel)) throw usageError(`"${name}" would export a JavaScript reserved word; pick another name`);
  return {
    id: name,
    camel,
    pascal: words.map(cap).join(""),
    title: words.map(cap).join(" "),
    packageName: `@roster/connector-${name}`,
  };
}
