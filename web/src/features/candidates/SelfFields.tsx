// The part of a candidate profile the student keeps: contact, home district, skills, certificates and the
// consent to show the profile to member enterprises.
import { Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { CertificatesEditor } from './CertificatesEditor';
import { mobileRule, regionRule } from './rules';

export const MAX_SKILLS = 30;

export function SelfFields({ consentAt }: { consentAt?: string | null }) {
  const { t, locale } = useI18n();
  const half = { xs: 24, sm: 12 };
  return (
    <>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="mobile" label={t('cand.mobile')} rules={[mobileRule(locale)]}>
            <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="candidate-mobile" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="homeDistrict"
            label={t('cand.homeDistrict')}
            extra={t('cand.homeDistrictHelp')}
            rules={[regionRule(locale)]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="off" className="cj-mono" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="skills"
        label={t('cand.skills')}
        extra={t('cand.skillsHelp', { n: MAX_SKILLS })}
        rules={[
          {
            validator: async (_r, v: unknown) => {
              const list = Array.isArray(v) ? (v as string[]) : [];
              if (list.length > MAX_SKILLS) throw new Error(t('cand.rule.maxItems', { n: MAX_SKILLS }));
              if (list.some((s) => s.trim().length > 40)) throw new Error(t('cand.rule.skillLength'));
            },
          },
        ]}
      >
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', '、', ';', '；']}
          placeholder={t('cand.skillsPlaceholder')}
          aria-label={t('cand.skills')}
          data-testid="candidate-skills"
        />
      </Form.Item>
      <Form.Item label={t('cand.certificates')} required={false}>
        <CertificatesEditor />
      </Form.Item>
      <Form.Item
        name="consentShare"
        label={t('cand.consent')}
        valuePropName="checked"
        extra={
          <>
            {t('cand.consentHelp')}
            {consentAt ? (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('cand.consentAt', { time: formatDateTime(consentAt, locale) })}
              </Typography.Text>
            ) : null}
          </>
        }
      >
        <Switch data-testid="candidate-consent" />
      </Form.Item>
    </>
  );
}
