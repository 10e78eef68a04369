import { expect, it } from "vitest";
import { CONNECT_RESULT_MESSAGE, connectResultOf } from "../src/open-connect";

const origin = "https://roster.example.test";
const good = {
  type: CONNECT_RESULT_MESSAGE,
  connectionId: "6f1c2a9e-1b7d-4c1e-9a55-0d3c1f2e4b6a",
  connectorId: "bamboohr",
  redirectUrl: "https://app.example.test/done?connection_id=6f1c2a9e-1b7d-4c1e-9a55-0d3c1f2e4b6a",
};

it("accepts the connect page's result only from the link's origin and in the expected shape", () => {
  // Tried: the real message, the same from another origin, another type, a non-id connection id,
  // a connector id that is not one, and non-objects. Must hold: only the first is a result.
  expect(connectResultOf({ origin, data: good }, origin)).toEqual({
    connectionId: good.connectionId,
    connectorId: "bamboohr",
    redirectUrl: good.redirectUrl,
  });
  expect(connectResultOf({ origin: "https://evil.example.test", data: good }, origin)).toBeNull();
  expect(connectResultOf({ origin, data: { ...good, type: "something-else" } }, origin)).toBeNull();
  expect(connectResultOf({ origin, data: { ...good, connectionId: "<img onerror=alert(1)>" } }, origin)).toBeNull();
  expect(connectResultOf({ origin, data: { ...good, connectorId: "<b>" } }, origin)).toBeNull();
  expect(connectResultOf({ origin, data: "roster:connect-link:completed" }, origin)).toBeNull();
  expect(connectResultOf({ origin, data: null }, origin)).toBeNull();
});
