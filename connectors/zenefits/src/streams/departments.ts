import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapDepartment } from "../mappers/department";

/** Departments; read before people, who reference them. */
export const departmentsStream = defineStream<ZenefitsCredentials, unknown, "departments">({
  model: "departments",
  lookup: true,
  requires: ["departments"],
  // GET /core/departments — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Department).
  read: (ctx, { cursor }) => paginate(ctx, "/core/departments", cursor, { permissionLabel: "Company departments" }),
  map: mapDepartment,
});
