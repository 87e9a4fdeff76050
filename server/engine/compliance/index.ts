// The compliance engine: evaluate every rule on a placement's facts with the consortium's settings,
// and validate a change of settings. Pure: no I/O.
import type { RuleSeverity } from '../../modules/internships/internships.enums.ts';
import { rules, ruleById, type PlacementFacts, type RuleDef } from './rules.ts';

export { rules, ruleById, venueZh, DOC_2021 } from './rules.ts';
export type { PlacementFacts, RuleDef, ParamDef, Violation } from './rules.ts';
export { ageOn, addDays, addMonths, dayNumber, peakOverlap, type Interval } from './dates.ts';

/** A consortium's override of a rule (absent: the rule's defaults). */
export type RuleSetting = { params: Readonly<Record<string, number>>; severity: RuleSeverity };

export type EffectiveRule = {
  def: RuleDef;
  params: Record<string, number>;
  severity: RuleSeverity;
  changed: boolean;
};

export function effectiveRules(settings: ReadonlyMap<string, RuleSetting>): EffectiveRule[] {
  return rules.map((def) => {
    const s = settings.get(def.id);
    const params: Record<string, number> = {};
    for (const p of def.params) params[p.key] = s?.params[p.key] ?? p.default;
    const severity = def.severityLocked ? def.defaultSeverity : (s?.severity ?? def.defaultSeverity);
    const changed = severity !== def.defaultSeverity || def.params.some((p) => params[p.key] !== p.default);
    return { def, params, severity, changed };
  });
}

export type Finding = {
  ruleId: string;
  severity: RuleSeverity;
  titleZh: string;
  messageZh: string;
  messageEn: string;
  facts: Record<string, string | number | boolean | null>;
  certainty: RuleDef['certainty'];
  source: RuleDef['source'];
};

/** Every finding of every rule that applies to the placement's kind; blocking ones first. */
export function evaluate(facts: PlacementFacts, settings: ReadonlyMap<string, RuleSetting>): Finding[] {
  const out: Finding[] = [];
  for (const r of effectiveRules(settings)) {
    const applies = r.def.id === 'R-TYPE' || (r.def.appliesTo as readonly string[]).includes(facts.kind);
    if (!applies) continue;
    const v = r.def.check(facts, r.params);
    if (!v) continue;
    out.push({
      ruleId: r.def.id,
      severity: v.severity ?? r.severity,
      titleZh: r.def.titleZh,
      messageZh: v.zh,
      messageEn: v.en,
      facts: v.facts,
      certainty: r.def.certainty,
      source: r.def.source,
    });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'block');
}

export type SettingIssue = { path: string; message: string };

/** Issues with a proposed setting of a rule: unknown parameters, out-of-range values, a locked severity. */
export function validateSetting(
  ruleId: string,
  params: Readonly<Record<string, number>>,
  severity: RuleSeverity,
): SettingIssue[] | null {
  const def = ruleById.get(ruleId);
  if (!def) return null;
  const issues: SettingIssue[] = [];
  for (const key of Object.keys(params)) {
    const p = def.params.find((x) => x.key === key);
    if (!p) {
      issues.push({ path: `params.${key}`, message: `Rule ${ruleId} has no parameter "${key}".` });
      continue;
    }
    const v = params[key]!;
    if (!Number.isFinite(v) || v < p.min || v > p.max) {
      issues.push({
        path: `params.${key}`,
        message: `${p.labelZh} (${key}) must be between ${p.min} and ${p.max}.`,
      });
    } else if (p.integer && !Number.isInteger(v)) {
      issues.push({ path: `params.${key}`, message: `${p.labelZh} (${key}) must be a whole number.` });
    }
  }
  if (def.severityLocked && severity !== def.defaultSeverity) {
    issues.push({
      path: 'severity',
      message: `The severity of ${ruleId} is fixed: it is a condition of starting a placement.`,
    });
  }
  return issues;
}
