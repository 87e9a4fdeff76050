// The parameters a run was started with: its cohort, postings, weights and caps, as the record of how its
// result came about.
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { useMajorNames, useSchools } from './api';
import { candidateKindLabel, kindLabel, modeLabel, toPercent, weightKeys, weightLabel } from './labels';
import type { Run } from './types';

type Props = { consortiumId: string; run: Run };

export function RunConfig({ consortiumId, run }: Props) {
  const { t } = useI18n();
  const c = run.config;
  const schoolIds = c.cohort.schoolUnitIds ?? [];
  const { schools } = useSchools(consortiumId, schoolIds.length > 0);
  const summarySchools = new Map((run.summary?.bySchool ?? []).map((s) => [s.id, s.name]));
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? summarySchools.get(id) ?? id;
  const majors = c.cohort.majorCodes ?? [];
  const majorNames = useMajorNames(majors);
  const sep = t('common.listSeparator');

  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        {
          key: 'mode',
          label: t('matching.col.mode'),
          children:
            c.mode === 'optimal' && c.placeFirst
              ? `${modeLabel(t, c.mode)} · ${t('matching.placeFirstShort')}`
              : modeLabel(t, c.mode),
        },
        { key: 'kind', label: t('matching.col.kind'), children: kindLabel(t, c.postingKind) },
        {
          key: 'schools',
          label: t('matching.form.schools'),
          children: schoolIds.length ? schoolIds.map(schoolName).join(sep) : t('matching.config.allSchools'),
        },
        {
          key: 'majors',
          label: t('matching.form.majors'),
          children: majors.length
            ? majors.map((m) => (majorNames.has(m) ? `${m} ${majorNames.get(m)}` : m)).join(sep)
            : t('matching.form.any'),
        },
        {
          key: 'year',
          label: t('matching.form.graduationYear'),
          children: c.cohort.graduationYear ?? t('matching.form.any'),
        },
        {
          key: 'kinds',
          label: t('matching.form.kinds'),
          children: c.cohort.kinds.map((k) => candidateKindLabel(t, k)).join(sep),
        },
        {
          key: 'postings',
          label: t('matching.form.postingScope'),
          children: c.postingIds?.length
            ? t('matching.config.somePostings', { n: c.postingIds.length })
            : t('matching.config.allPostings', { kind: kindLabel(t, c.postingKind) }),
        },
        {
          key: 'maxPosts',
          label: t('matching.form.maxPosts'),
          children: c.maxPostsPerStudent,
        },
        {
          key: 'weights',
          label: t('matching.form.weightsSection'),
          span: 'filled',
          children: (
            <Typography.Text>
              {weightKeys.map((k) => `${weightLabel(t, k)} ${c.weights[k]}`).join(sep)}
            </Typography.Text>
          ),
        },
        {
          key: 'caps',
          label: t('matching.form.capsSection'),
          span: 'filled',
          children:
            c.postingKind === 'internship'
              ? t('matching.config.caps', {
                  host: toPercent(c.caps.hostRatio),
                  post: toPercent(c.caps.postRatio),
                })
              : t('matching.config.capsJobs'),
        },
      ]}
    />
  );
}
