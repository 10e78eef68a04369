import type { SimResponse } from "../http/respond";
import { createRouter, type Route } from "../http/router";
import { changedEmployees, changedTable } from "./changed";
import type { ApiContext } from "./context";
import { directory } from "./directory";
import { getEmployee } from "./employee";
import { metaFields, metaLists, metaTables, metaUsers } from "./meta";
import { customReport } from "./report";
import { employeeTable } from "./tables";
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, replaceWebhook, webhookFields, webhookLog } from "./webhooks";
import { createEmployee, updateEmployee } from "./write-employee";

/** Every gateway endpoint the simulator serves, relative to `/api/gateway.php/{companyDomain}`. */
export const API_ROUTES: readonly Route<ApiContext, SimResponse>[] = [
  { method: "GET", path: "/v1/employees/directory", handle: directory },
  { method: "GET", path: "/v1/employees/changed", handle: changedEmployees },
  { method: "GET", path: "/v1/employees/changed/tables/:table", handle: changedTable },
  { method: "GET", path: "/v1/employees/:id/tables/:table", handle: employeeTable },
  { method: "GET", path: "/v1/employees/:id", handle: getEmployee },
  { method: "POST", path: "/v1/employees", handle: createEmployee },
  { method: "POST", path: "/v1/employees/:id", handle: updateEmployee },
  { method: "POST", path: "/v1/reports/custom", handle: customReport },
  { method: "GET", path: "/v1/meta/fields", handle: metaFields },
  { method: "GET", path: "/v1/meta/lists", handle: metaLists },
  { method: "GET", path: "/v1/meta/tables", handle: metaTables },
  { method: "GET", path: "/v1/meta/users", handle: metaUsers },
  { method: "GET", path: "/v1/webhooks/monitor_fields", handle: webhookFields },
  { method: "GET", path: "/v1/webhooks/post-fields", handle: webhookFields },
  { method: "GET", path: "/v1/webhooks", handle: listWebhooks },
  { method: "POST", path: "/v1/webhooks", handle: createWebhook },
  { method: "GET", path: "/v1/webhooks/:id/log", handle: webhookLog },
  { method: "GET", path: "/v1/webhooks/:id", handle: getWebhook },
  { method: "PUT", path: "/v1/webhooks/:id", handle: replaceWebhook },
  { method: "DELETE", path: "/v1/webhooks/:id", handle: deleteWebhook },
];

export const apiRouter = createRouter(API_ROUTES);
