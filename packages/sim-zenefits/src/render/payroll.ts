import type { PayrunRecord, PayStubRecord } from "../modules/records";
import { listRef, type RenderContext, refAt, refTo } from "./refs";
import type { Ref } from "./types";

export interface Payrun {
  id: string;
  object: "/payroll/payruns";
  url: string;
  company: Ref;
  payrun_type: string;
  status: "complete";
  start_date: string;
  end_date: string;
  check_date: string;
  original_check_date: string;
  people: Ref;
}

/** One line of a pay stub; money is a string with two decimals, like every money field. */
export interface PayLine {
  name: string;
  amount_type: "currency";
  amount: string;
  ytd_amount: string;
  labor_group_ids: string | null;
}

export type SummaryLine = Omit<PayLine, "name" | "labor_group_ids">;

export interface PayStub {
  id: string;
  object: "/payroll/payrun_pay_stubs";
  url: string;
  person: Ref;
  payrun: Ref;
  summary: Record<(typeof SUMMARY_KEYS)[number], SummaryLine>;
  earnings: PayLine[];
  company_contributions: PayLine[];
  person_deductions: PayLine[];
  garnishments: PayLine[];
  company_taxes: PayLine[];
  person_taxes: PayLine[];
}

const SUMMARY_KEYS = [
  "gross_pay",
  "regular_earnings",
  "company_contributions",
  "person_deductions",
  "garnishments",
  "company_taxes",
  "person_taxes",
  "imputed_pay",
  "reported_tips",
  "reimbursements",
  "cash_tips",
] as const;

/** Fixed rates of the gross: the simulator's stand-in for a tax engine. */
const PERSON_TAXES = [
  ["Federal income tax", 0.12],
  ["Social Security", 0.062],
  ["Medicare", 0.0145],
] as const;
const COMPANY_TAXES = [
  ["Social Security", 0.062],
  ["Medicare", 0.0145],
  ["FUTA", 0.006],
] as const;
const PERSON_DEDUCTIONS = [
  ["401(k)", 0.05],
  ["Medical premium", 0.03],
] as const;
const COMPANY_CONTRIBUTIONS = [
  ["401(k) match", 0.03],
  ["Medical", 0.09],
] as const;

const money = (cents: number) => (cents / 100).toFixed(2);

export function renderPayrun(run: PayrunRecord, ctx: RenderContext): Payrun {
  const self = `${ctx.base}/payroll/payruns/${run.id}`;
  return {
    id: run.id,
    object: "/payroll/payruns",
    url: self,
    company: refTo(ctx, "companies", run.companyId),
    payrun_type: run.type,
    status: "complete",
    start_date: run.startDate,
    end_date: run.endDate,
    check_date: run.checkDate,
    original_check_date: run.checkDate,
    people: listRef(`${self}/people`, "/core/people"),
  };
}

export function renderPayStub(stub: PayStubRecord, ctx: RenderContext): PayStub {
  const line = (name: string, rate: number): PayLine => ({
    name,
    amount_type: "currency",
    amount: money(Math.round(stub.grossCents * rate)),
    ytd_amount: money(Math.round(stub.ytdGrossCents * rate)),
    labor_group_ids: stub.laborGroupId,
  });
  const lines = (rates: readonly (readonly [string, number])[]) => rates.map(([name, rate]) => line(name, rate));
  const sum = (rates: readonly (readonly [string, number])[]) => rates.reduce((total, [, rate]) => total + rate, 0);
  const total = (rate: number): SummaryLine => {
    const { amount, ytd_amount } = line("", rate);
    return { amount_type: "currency", amount, ytd_amount };
  };
  const regular = stub.earning === "Regular" ? 1 : 0;
  return {
    id: stub.id,
    object: "/payroll/payrun_pay_stubs",
    url: `${ctx.base}/payroll/payrun_pay_stubs/${stub.id}`,
    person: refTo(ctx, "people", stub.personId),
    payrun: refAt(ctx, "/payroll/payruns", stub.payrunId),
    summary: {
      gross_pay: total(1),
      regular_earnings: total(regular),
      company_contributions: total(sum(COMPANY_CONTRIBUTIONS)),
      person_deductions: total(sum(PERSON_DEDUCTIONS)),
      garnishments: total(0),
      company_taxes: total(sum(COMPANY_TAXES)),
      person_taxes: total(sum(PERSON_TAXES)),
      imputed_pay: total(0),
      reported_tips: total(0),
      reimbursements: total(0),
      cash_tips: total(0),
    },
    earnings: [line(stub.earning, 1)],
    company_contributions: lines(COMPANY_CONTRIBUTIONS),
    person_deductions: lines(PERSON_DEDUCTIONS),
    garnishments: [],
    company_taxes: lines(COMPANY_TAXES),
    person_taxes: lines(PERSON_TAXES),
  };
}
