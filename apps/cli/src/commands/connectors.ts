import { connectors } from "@roster/registry";
import { credentialFields } from "../credentials";
import type { ExitCodeValue } from "../exit-codes";
import type { Output } from "../output/output";
import { renderTable } from "../output/table";

/** `roster connectors`: what is installed, and what each needs to connect. */
export async function connectorsCommand(out: Output): Promise<ExitCodeValue> {
  const list = connectors.map((connector) => ({
    id: connector.manifest.id,
    name: connector.manifest.name,
    kind: connector.manifest.kind,
    docsUrl: connector.manifest.docsUrl,
    permissions: connector.manifest.permissions.map((p) => ({ id: p.id, label: p.label })),
    credentials: credentialFields(connector),
    streams: Object.keys(connector.streams),
    actions: Object.keys(connector.actions ?? {}),
  }));
  out.data({ connectors: list });

  const { c } = out;
  for (const [i, connector] of list.entries()) {
    if (i > 0) out.line();
    out.line(`${c.bold(connector.name)} ${c.dim(`(${connector.id}, ${connector.kind})`)}  ${c.dim(connector.docsUrl)}`);
    out.line();
    out.line("  Credentials");
    out.line(
      renderTable(
        [{ header: "FIELD" }, { header: "TYPE" }, { header: "" }],
        connector.credentials.map((f) => [
          f.name,
          f.type,
          [
            f.secret ? c.yellow("secret") : "",
            f.required ? "required" : f.default !== undefined ? `default ${String(f.default)}` : "optional",
          ]
            .filter(Boolean)
            .join(", "),
        ]),
        "    ",
      ),
    );
    out.line();
    out.line(`  Permissions (${connector.permissions.length})`);
    out.line(
      renderTable(
        [{ header: "ID" }, { header: "LABEL" }],
        connector.permissions.map((p) => [p.id, p.label]),
        "    ",
      ),
    );
    out.line();
    out.line(`  Streams  ${connector.streams.join(", ")}`);
    if (connector.actions.length > 0) out.line(`  Actions  ${connector.actions.join(", ")}`);
  }
  if (list.length === 0) out.line("No connectors are installed (packages/registry/src/index.ts lists them).");
  return 0;
}
