import { type DateLike, formatDate, formatDateTime, formatExact, toDate } from "../format";

/**
 * A moment as every page writes it (the viewer's time zone, one format), with the exact time
 * on hover and for assistive technology. `day` shows the date alone.
 */
export function DateTime({ value, day = false }: { value: DateLike; day?: boolean }) {
  const date = toDate(value);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)}>
      {day ? formatDate(date) : formatDateTime(date)}
    </time>
  );
}
