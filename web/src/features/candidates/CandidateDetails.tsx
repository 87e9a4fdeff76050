// A candidate profile to read: the school's record, then the student's own part.
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { certificateKindLabel, kindColor, kindLabel, levelLabel } from './labels';
import type { Candidate } from './types';

const dash = '—';

export function SchoolRecord({ c, column = 2 }: { c: Candidate; column?: number }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: column }}
      items={[
        { key: 'name', label: t('cand.name'), children: c.name },
        {
          key: 'kind',
          label: t('cand.kind'),
          children: <Tag color={kindColor[c.kind]}>{kindLabel(t, c.kind)}</Tag>,
        },
        { key: 'school', label: t('cand.school'), children: c.schoolName ?? t('cand.noSchool') },
        { key: 'studentNo', label: t('cand.studentNo'), children: c.studentNo ?? dash },
        {
          key: 'idCard',
          label: t('cand.idCard'),
          children: <span className="cj-mono">{c.idCard}</span>,
        },
        {
          key: 'gender',
          label: t('cand.gender'),
          children: t(c.gender === 'male' ? 'cand.gender.male' : 'cand.gender.female'),
        },
        ...(c.birthDate ? [{ key: 'birthDate', label: t('cand.birthDate'), children: c.birthDate }] : []),
        {
          key: 'major',
          label: t('cand.major'),
          children: c.majorCode ? (
            <>
              <span className="cj-mono">{c.majorCode}</span> {c.majorName ?? ''}
            </>
          ) : (
            dash
          ),
        },
        { key: 'level', label: t('cand.level'), children: c.level ? levelLabel(t, c.level) : dash },
        {
          key: 'yearOfStudy',
          label: t('cand.yearOfStudy'),
          children: c.yearOfStudy ? t('cand.yearN', { n: c.yearOfStudy }) : dash,
        },
        { key: 'enrolmentYear', label: t('cand.enrolmentYear'), children: c.enrolmentYear ?? dash },
        {
          key: 'expectedGraduation',
          label: t('cand.expectedGraduation'),
          children: formatDate(c.expectedGraduation, locale),
        },
      ]}
    />
  );
}

export function SelfRecord({ c, column = 2 }: { c: Candidate; column?: number }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: column }}
      items={[
        {
          key: 'mobile',
          label: t('cand.mobile'),
          children: <span className="cj-mono">{c.mobile ?? dash}</span>,
        },
        { key: 'homeDistrict', label: t('cand.homeDistrict'), children: c.homeDistrict ?? dash },
        {
          key: 'skills',
          label: t('cand.skills'),
          span: 'filled',
          children: c.skills.length ? (
            <Flex gap={4} wrap>
              {c.skills.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Flex>
          ) : (
            dash
          ),
        },
        {
          key: 'certificates',
          label: t('cand.certificates'),
          span: 'filled',
          children: c.certificates.length ? (
            <Flex vertical gap={4}>
              {c.certificates.map((x, i) => (
                <span key={`${x.name}-${i}`}>
                  <Tag color="geekblue">{certificateKindLabel(t, x.kind)}</Tag>
                  {x.name}
                  {x.level ? <Typography.Text type="secondary">{` · ${x.level}`}</Typography.Text> : null}
                  {x.issuedOn ? (
                    <Typography.Text type="secondary">{` · ${formatDate(x.issuedOn, locale)}`}</Typography.Text>
                  ) : null}
                </span>
              ))}
            </Flex>
          ) : (
            dash
          ),
        },
        {
          key: 'consent',
          label: t('cand.consent'),
          span: 'filled',
          children: c.consentShare ? (
            <>
              <Tag color="green">{t('cand.consent.yes')}</Tag>
              {c.consentAt ? (
                <Typography.Text type="secondary">
                  {t('cand.consentAt', { time: formatDateTime(c.consentAt, locale) })}
                </Typography.Text>
              ) : null}
            </>
          ) : (
            <Tag>{t('cand.consent.no')}</Tag>
          ),
        },
      ]}
    />
  );
}
