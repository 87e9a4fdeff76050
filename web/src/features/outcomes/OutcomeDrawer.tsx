// Record or correct a graduate's outcome for a cohort year: the destination, the employer (where there is
// one), whether the work matches the major, and how the record was verified.
import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n';
import { CodeSelect } from '../candidates/CodeSelect';
import { changes } from '../candidates/formValues';
import { applyTalentFieldErrors, talentErrorMessage } from '../candidates/issues';
import { industryPattern, occupationPattern, regionRule, usccRule } from '../candidates/rules';
import { useCreateOutcome, useUpdateOutcome } from './api';
import { GraduatePicker } from './GraduatePicker';
import {
  destinationLabel,
  destinationTypes,
  employerRequired,
  verificationLabel,
  verificationSources,
} from './labels';
import type { DestinationType, Outcome, VerificationSource } from './types';

type Values = {
  candidateId?: string;
  cohortYear?: number;
  destination?: DestinationType;
  employerName?: string | null;
  employerUscc?: string | null;
  employerDistrict?: string | null;
  employerIndustry?: string | null;
  occupationCode?: string | null;
  relatedToMajor?: 'yes' | 'no' | 'unknown';
  startDate?: Dayjs | null;
  verificationSource?: VerificationSource;
  verifiedBy?: string | null;
  verifiedAt?: Dayjs | null;
};
const fields = [
  'candidateId',
  'cohortYear',
  'destination',
  'employerName',
  'employerUscc',
  'employerDistrict',
  'employerIndustry',
  'occupationCode',
  'relatedToMajor',
  'startDate',
  'verificationSource',
  'verifiedBy',
  'verifiedAt',
];

const DAY = 'YYYY-MM-DD';
const text = (v: string | null | undefined) => v?.trim() || null;
const date = (v: Dayjs | null | undefined) => (v ? v.format(DAY) : null);
const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const tri = (v: boolean | null): Values['relatedToMajor'] => (v === null ? 'unknown' : v ? 'yes' : 'no');

function initial(o: Outcome): Values {
  return {
    candidateId: o.candidateId,
    cohortYear: o.cohortYear,
    destination: o.destination,
    employerName: o.employerName ?? '',
    employerUscc: o.employerUscc ?? '',
    employerDistrict: o.employerDistrict ?? '',
    employerIndustry: o.employerIndustry,
    occupationCode: o.occupationCode,
    relatedToMajor: tri(o.relatedToMajor),
    startDate: day(o.startDate),
    verificationSource: o.verificationSource,
    verifiedBy: o.verifiedBy ?? '',
    verifiedAt: day(o.verifiedAt),
  };
}

function payload(v: Values) {
  const unemployed = v.destination === 'unemployed';
  return {
    cohortYear: v.cohortYear!,
    destination: v.destination!,
    employerName: unemployed ? null : text(v.employerName),
    employerUscc: unemployed ? null : (text(v.employerUscc)?.toUpperCase() ?? null),
    employerDistrict: unemployed ? null : text(v.employerDistrict),
    employerIndustry: unemployed ? null : v.employerIndustry || null,
    occupationCode: unemployed ? null : v.occupationCode || null,
    relatedToMajor:
      unemployed || v.relatedToMajor === 'unknown' || !v.relatedToMajor ? null : v.relatedToMajor === 'yes',
    startDate: unemployed ? null : date(v.startDate),
    verificationSource: v.verificationSource!,
    verifiedBy: text(v.verifiedBy),
    verifiedAt: date(v.verifiedAt),
  };
}

type Props = { consortiumId: string; outcome: Outcome | null; open: boolean; onClose: () => void };

export function OutcomeDrawer({ consortiumId, outcome, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const create = useCreateOutcome(consortiumId);
  const update = useUpdateOutcome(consortiumId);
  const destination = Form.useWatch('destination', form);
  const unemployed = destination === 'unemployed';
  const needsEmployer = !!destination && employerRequired.includes(destination);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(outcome ? initial(outcome) : { relatedToMajor: 'unknown' });
  }, [open, outcome, form]);

  async function submit() {
    const v = await form.validateFields();
    try {
      if (outcome) {
        const patch = changes(payload(initial(outcome)), payload(v));
        if (Object.keys(patch).length === 0) {
          void message.info(t('cand.noChanges'));
          onClose();
          return;
        }
        await update.mutateAsync({ id: outcome.id, patch });
        void message.success(t('outc.saved', { name: outcome.candidateName }));
      } else {
        await create.mutateAsync({ candidateId: v.candidateId!, ...payload(v) });
        void message.success(t('outc.created'));
      }
      onClose();
    } catch (err) {
      if (!applyTalentFieldErrors(form, err, t, fields))
        void message.error(talentErrorMessage(t, err, locale));
    }
  }

  const req = (label: string) => ({ required: true, message: t('cand.rule.required', { field: label }) });
  const choose = (label: string) => ({ required: true, message: t('cand.rule.choose', { field: label }) });
  const half = { xs: 24, sm: 12 };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 680 : '100%'}
      title={
        outcome
          ? t('outc.editTitle', { name: outcome.candidateName, year: outcome.cohortYear })
          : t('outc.createTitle')
      }
      forceRender
      afterOpenChange={(visible) => {
        if (!visible) form.resetFields();
      }}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="outcome-submit"
          >
            {outcome ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" name="outcome" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24}>
            {outcome ? (
              <Form.Item label={t('outc.graduate')}>
                <Typography.Text>
                  {[outcome.candidateName, outcome.schoolName, outcome.majorName].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="candidateId"
                label={t('outc.graduate')}
                extra={t('outc.graduateHelp')}
                rules={[choose(t('outc.graduate'))]}
              >
                <GraduatePicker
                  consortiumId={consortiumId}
                  onChange={(_id, c) => {
                    // the cohort is usually the year of graduation
                    if (c?.expectedGraduation && !form.getFieldValue('cohortYear'))
                      form.setFieldValue('cohortYear', Number(c.expectedGraduation.slice(0, 4)));
                  }}
                />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            <Form.Item
              name="cohortYear"
              label={t('outc.cohortYear')}
              extra={t('outc.cohortYearHelp')}
              rules={[
                req(t('outc.cohortYear')),
                { type: 'integer', min: 2000, max: 2100, message: t('outc.rule.cohortYear') },
              ]}
            >
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                style={{ width: '100%' }}
                data-testid="outcome-cohort"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="destination"
              label={t('outc.destination')}
              rules={[choose(t('outc.destination'))]}
            >
              <Select
                placeholder={t('common.select')}
                options={destinationTypes.map((d) => ({ value: d, label: destinationLabel(t, d) }))}
                data-testid="outcome-destination"
              />
            </Form.Item>
          </Col>
        </Row>
        {unemployed ? null : (
          <>
            <Divider titlePlacement="start" plain>
              {t('outc.section.employer')}
            </Divider>
            <Row gutter={16}>
              <Col xs={24}>
                <Form.Item
                  name="employerName"
                  label={t('outc.employerName')}
                  extra={t('outc.employerNameHelp')}
                  rules={[
                    { required: needsEmployer, whitespace: true, message: t('outc.issue.employerRequired') },
                    { max: 100, message: t('cand.rule.max', { field: t('outc.employerName'), n: 100 }) },
                  ]}
                >
                  <Input data-testid="outcome-employer" />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="employerUscc" label={t('outc.employerUscc')} rules={[usccRule(locale)]}>
                  <Input maxLength={18} className="cj-mono" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="employerDistrict"
                  label={t('outc.employerDistrict')}
                  extra={t('outc.employerDistrictHelp')}
                  rules={[regionRule(locale)]}
                >
                  <Input maxLength={6} inputMode="numeric" className="cj-mono" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="employerIndustry"
                  label={t('outc.employerIndustry')}
                  rules={[{ pattern: industryPattern, message: t('outc.rule.industry') }]}
                >
                  <CodeSelect kind="industry" pattern={industryPattern} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="occupationCode"
                  label={t('outc.occupation')}
                  rules={[{ pattern: occupationPattern, message: t('outc.rule.occupation') }]}
                >
                  <CodeSelect kind="occupation" pattern={occupationPattern} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="relatedToMajor" label={t('outc.related')} extra={t('outc.relatedHelp')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'yes', label: t('common.yes') },
                      { value: 'no', label: t('common.no') },
                      { value: 'unknown', label: t('outc.unknown') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="startDate" label={t('outc.startDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Divider titlePlacement="start" plain>
          {t('outc.section.verification')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="verificationSource"
              label={t('outc.verificationSource')}
              rules={[choose(t('outc.verificationSource'))]}
            >
              <Select
                placeholder={t('common.select')}
                options={verificationSources.map((s) => ({ value: s, label: verificationLabel(t, s) }))}
                data-testid="outcome-verification"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="verifiedBy"
              label={t('outc.verifiedBy')}
              rules={[{ max: 60, message: t('cand.rule.max', { field: t('outc.verifiedBy'), n: 60 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="verifiedAt" label={t('outc.verifiedAt')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
