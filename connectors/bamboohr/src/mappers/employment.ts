import type { Employment, Mapped } from "@roster/core";
import { type EmploymentPeriod, isTermination, periodRemoteId } from "./employment-periods";
import { dateOrNull, failure, textOrNull } from "./fields";
import { type ListIndex, optionsOf } from "./lists";

/** A period with the company's lists, which name the termination type its row gives as an id. */
export interface EmploymentRaw {
  period: EmploymentPeriod;
  lists: ListIndex;
}

/**
 * One employment period (employment-periods.ts) → Employment. The type is the last status
 * before the end ("Full-Time"); a period ending in "Terminated" has its date as the termination
 * date and is not active, even when that date is still ahead (a scheduled termination: the
 * person's own status stays Active until then).
 */
export function mapEmployment(input: EmploymentRaw): Mapped<Employment> {
  const { period } = input;
  const remoteId = periodRemoteId(period);
  const first = period.rows[0];
  if (!first) return failure(remoteId, "Employment period has no rows");
  const last = period.rows[period.rows.length - 1]!;
  const ended = isTermination(last);
  const working = period.rows.filter((row) => !isTermination(row));

  const startDate = ended && working.length === 0 ? null : dateOrNull(first.date);
  if (startDate === undefined) return failure(remoteId, `Row ${first.id} has no YYYY-MM-DD date: ${JSON.stringify(first.date)}`);
  const terminationDate = ended ? dateOrNull(last.date) : null;
  if (terminationDate === undefined) {
    return failure(remoteId, `Termination row ${last.id} has no YYYY-MM-DD date: ${JSON.stringify(last.date)}`);
  }
  const typeId = textOrNull(last.terminationTypeId);
  const typeName =
    typeId === null ? null : (optionsOf(input.lists, "terminationTypeId").find((o) => o.id === typeId)?.name ?? typeId);
  return {
    ok: true,
    value: {
      remoteId,
      remoteData: period,
      remoteUpdatedAt: null,
      employeeRemoteId: period.employeeId,
      employmentType: textOrNull(working[working.length - 1]?.employmentStatus),
      startDate,
      terminationDate,
      terminationType: ended ? typeName : null,
      isActive: !ended,
    },
  };
}
