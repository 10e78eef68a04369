import type { ConnectorNames } from "./names";
import { clientTs, healthTs, verifyTs } from "./templates/client";
import { indexTs } from "./templates/connector-index";
import { manifestTs, rawTs } from "./templates/manifest";
import { departmentMapperTs, personMapperTs } from "./templates/mappers";
import { packageJson, tsconfigJson, vitestConfig } from "./templates/package-files";
import { readmeMd } from "./templates/readme";
import { simulatorTs } from "./templates/simulator";
import { departmentsStreamTs, peopleStreamTs } from "./templates/streams";
import { contractSimulatorTs, contractTestTs, mappersTestTs } from "./templates/tests";
import type { ToolVersions } from "./versions";

export interface ScaffoldFile {
  /** Relative to the new package's folder, with forward slashes. */
  path: string;
  content: string;
}

/** Every file of a new connector package, in the order they are listed to the author. */
export function scaffoldFiles(n: ConnectorNames, versions: ToolVersions, tsconfigBase: string): ScaffoldFile[] {
  return [
    { path: "package.json", content: packageJson(n, versions) },
    { path: "tsconfig.json", content: tsconfigJson(tsconfigBase) },
    { path: "vitest.config.ts", content: vitestConfig(n) },
    { path: "README.md", content: readmeMd(n) },
    { path: "src/manifest.ts", content: manifestTs(n) },
    { path: "src/raw.ts", content: rawTs() },
    { path: "src/client.ts", content: clientTs(n) },
    { path: "src/verify.ts", content: verifyTs(n) },
    { path: "src/health.ts", content: healthTs(n) },
    { path: "src/streams/departments.ts", content: departmentsStreamTs(n) },
    { path: "src/streams/people.ts", content: peopleStreamTs(n) },
    { path: "src/mappers/department.ts", content: departmentMapperTs() },
    { path: "src/mappers/person.ts", content: personMapperTs() },
    { path: "src/index.ts", content: indexTs(n) },
    { path: "test/simulator.ts", content: simulatorTs(n) },
    { path: "test/contract-simulator.ts", content: contractSimulatorTs(n) },
    { path: "test/contract.test.ts", content: contractTestTs(n) },
    { path: "test/mappers.test.ts", content: mappersTestTs() },
  ];
}
