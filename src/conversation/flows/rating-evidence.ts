import { localDate } from "../../domain/time-zone.ts";
import { formatNumber, formatShortDate } from "../../i18n/format.ts";
import { colleagueAggregate } from "../../services/colleague-input.ts";
import { periodEvidence } from "../../services/evaluation-evidence.ts";
import type { RatingTarget } from "../../services/evaluations.ts";
import { MIN_SERVED_SHOWN, servedAverages, unitIkm } from "../../services/survey-results.ts";
import { requirePerson, type TurnContext } from "../context.ts";
import { colleagueLines } from "../views/colleague-aggregate.ts";

/** The evidence a rater reads before rating (SPEC section 12), as text: IKI by IKI, feedback, minutes. */
export async function evidenceText(ctx: TurnContext, target: RatingTarget): Promise<string> {
  const t = ctx.t.evaluation;
  const { person, period } = target;
  const evidence = await periodEvidence(ctx.tx, ctx.unitCalendars, person, period, person.timeZone);
  const n = (value: number) => formatNumber(value, ctx.locale);
  const lines = [t.evidenceHeader(person.name, person.nip, person.position, period.name)];
  if (evidence.ikis.length === 0) lines.push(t.noSkp(evidence.year));
  let group: string | null = null;
  for (const iki of evidence.ikis) {
    if (iki.rhkKind !== group) {
      group = iki.rhkKind;
      lines.push(group === "UTAMA" ? t.groupUtama : t.groupTambahan);
    }
    lines.push(
      t.iki(iki.ikiCode, iki.indicator),
      t.ikiFigures(
        n(iki.realisedInPeriod),
        n(iki.realisedToEnd),
        n(iki.target),
        iki.unitLabel,
        n(iki.percent),
      ),
    );
  }
  lines.push(t.minutes(evidence.approvedMinutes, evidence.availableMinutes, evidence.approvedActivities));
  if (evidence.feedback.length === 0) lines.push(t.noFeedback);
  else {
    lines.push(t.feedbackHeader);
    for (const f of evidence.feedback) {
      const date = formatShortDate(localDate(person.timeZone, f.at), ctx.locale);
      lines.push(t.feedbackLine(date, f.fromName, f.text));
    }
  }
  const survey = await unitIkm(ctx.tx, person.unitId, period);
  const v = ctx.t.colleague;
  lines.push(
    v.evidenceSurvey(
      person.unitName,
      survey ? n(survey.ikm) : null,
      survey?.mutu ?? null,
      survey?.responses ?? 0,
    ),
  );
  const served = (await servedAverages(ctx.tx, [person.id], period)).get(person.id);
  if (served && served.responses >= MIN_SERVED_SHOWN)
    lines.push(v.evidenceServed(n(served.mean), served.responses));
  lines.push(
    ...colleagueLines(ctx.t, await colleagueAggregate(ctx.tx, person.id, period, requirePerson(ctx).id)),
  );
  if (target.fixedHasilKerja && target.organisation) {
    lines.push(t.headRule(t.capaian[target.organisation.result], t.rating[target.fixedHasilKerja]));
  }
  lines.push(t.neverAutomatic);
  return lines.join("\n");
}
