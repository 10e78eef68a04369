import { useEffect, useState } from "react";
import { type DateLike, formatExact, formatRelative, toDate } from "../format";

/** Re-renders every 30 s so "just now" becomes "1 minute ago" on an open page. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "5 minutes ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ value }: { value: DateLike }) {
  const now = useNow();
  const date = toDate(value);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)}>
      {formatRelative(date, now)}
    </time>
  );
}
