import type { AddressInfo } from "node:net";
import { z } from "zod";
import { createHostApp } from "./host-app";

const env = z
  .object({
    ROSTER_URL: z.url(),
    ROSTER_PLATFORM_KEY: z.string().startsWith("rst_platform_"),
    PORT: z.coerce.number().int().default(4000),
  })
  .parse(process.env);

let origin = "";
const server = await createHostApp({ rosterUrl: env.ROSTER_URL, platformKey: env.ROSTER_PLATFORM_KEY, origin: () => origin });
server.listen(env.PORT, "127.0.0.1", () => {
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(`Example product on ${origin}`);
});
