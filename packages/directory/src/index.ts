export { type ExportedPerson, exportPeople, type PeopleExportQuery, peopleExportQuerySchema } from "./export-people";
export { getPerson, type PersonDetail, type PersonRef } from "./get-person";
export { type HeadCountPoint, type HistoryRange, headCountHistory } from "./head-count-history";
export { type GroupRow, listDepartments, listLocations } from "./list-groups";
export { type ListCaps, listPeople, type PeoplePage, type PersonRow } from "./list-people";
export { type PeopleQuery, peopleQuerySchema, personIdSchema } from "./schemas";
