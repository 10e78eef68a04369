import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../src/index";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("seedDemo", () => {
  it("creates Demo Co with an owner, an admin and a member, once", async () => {
    expect(await seedDemo(api.deps.db)).toEqual({ created: true });
    expect(await Promise.all([seedDemo(api.deps.db), seedDemo(api.deps.db)])).toEqual([{ created: false }, { created: false }]);
    expect(await api.deps.db.selectFrom("organisations").select("name").execute()).toEqual([{ name: "Demo Co" }]);

    for (const user of DEMO_USERS) {
      const { trpc } = api.client();
      await trpc.auth.signIn.mutate({ email: user.email, password: DEMO_PASSWORD });
      const me = await trpc.auth.me.query();
      expect(me.active).toMatchObject({ organisationName: "Demo Co", role: user.role });
    }
  });
});
