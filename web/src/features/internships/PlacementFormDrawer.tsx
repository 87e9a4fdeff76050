// Create or edit a placement, with the live explainable check beside the form: as one edits, the form's
// values go to POST /placements/check (debounced) and every finding is listed — blocking ones first, with
// the rule, the message and its numbers, the source and how certain it is. A save the rules refuse
// (409) shows the same findings; field issues (400) land on the fields they name.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { MajorPrefixSelect } from '../matching/MajorPrefixSelect';
import { useUnit } from '../units/api';
import { UnitSelect } from '../units/UnitSelect';
import { checkPlacement, internshipsKey, useSavePlacement } from './api';
import { applyInternFieldErrors, fieldOf, internErrorMessage, internIssueMessage } from './errors';
import { CheckPanel, violationFindings, type CheckState } from './Findings';
import { HostFormModal } from './HostFormModal';
import {
  bannedVenueTypes,
  intensityClasses,
  intensityLabel,
  payChannelLabel,
  payChannels,
  payFrequencies,
  payFrequencyLabel,
  premiumPayerLabel,
  premiumPayers,
  venueLabel,
  venueTypes,
} from './labels';
import { ExternalHostSelect, PostingSelect, StudentSelect } from './Pickers';
import type {
  CreatePlacementInput,
  Finding,
  Host,
  HostKind,
  PayChannel,
  PayFrequency,
  PlacementDetail,
  Plan,
  PremiumPayer,
  UpdatePlacementInput,
  VenueType,
} from './types';

type Values = {
  candidateId?: string;
  hostKind: HostKind;
  hostUnitId?: string | null;
  externalHostId?: string | null;
  postingId?: string | null;
  postTitle?: string;
  postStaffCount?: number | null;
  postMajorCodes?: string[];
  schoolMentorName?: string;
  enterpriseMentorName?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  dailyHours?: number | null;
  daysPerWeek?: number | null;
  nightShifts?: boolean;
  holidayWork?: boolean;
  overtime?: boolean;
  hazardousWork?: boolean;
  exemptionRef?: string;
  payAmount?: number | null;
  postWage?: number | null;
  payChannel?: PayChannel | null;
  payFrequency?: PayFrequency | null;
  intensityClass?: number;
  venueType?: VenueType;
  address?: string;
  viaIntermediary?: boolean;
  feesCharged?: boolean;
  documentsHeld?: boolean;
  guardianConsent?: boolean;
  insurer?: string;
  policyNo?: string;
  insuranceStart?: Dayjs | null;
  insuranceEnd?: Dayjs | null;
  premiumPaidBy?: PremiumPayer | null;
};

/** every field of the form and the label the check's "still missing" list names it by */
const fieldLabels: Record<string, MessageKey> = {
  candidateId: 'intern.field.student',
  hostKind: 'intern.field.hostKind',
  hostUnitId: 'intern.field.hostUnit',
  externalHostId: 'intern.field.externalHost',
  postingId: 'intern.field.posting',
  postTitle: 'intern.field.postTitle',
  postStaffCount: 'intern.field.postStaffCount',
  postMajorCodes: 'intern.field.postMajors',
  schoolMentorName: 'intern.field.schoolMentor',
  enterpriseMentorName: 'intern.field.enterpriseMentor',
  startDate: 'intern.field.startDate',
  endDate: 'intern.field.endDate',
  dailyHours: 'intern.field.dailyHours',
  daysPerWeek: 'intern.field.daysPerWeek',
  nightShifts: 'intern.field.nightShifts',
  holidayWork: 'intern.field.holidayWork',
  overtime: 'intern.field.overtime',
  hazardousWork: 'intern.field.hazardousWork',
  exemptionRef: 'intern.field.exemptionRef',
  payAmount: 'intern.field.payAmount',
  postWage: 'intern.field.postWage',
  payChannel: 'intern.field.payChannel',
  payFrequency: 'intern.field.payFrequency',
  intensityClass: 'intern.field.intensityClass',
  venueType: 'intern.field.venueType',
  address: 'intern.field.address',
  viaIntermediary: 'intern.field.viaIntermediary',
  feesCharged: 'intern.field.feesCharged',
  documentsHeld: 'intern.field.documentsHeld',
  guardianConsent: 'intern.field.guardianConsent',
  insurer: 'intern.field.insurer',
  policyNo: 'intern.field.policyNo',
  insuranceStart: 'intern.field.insuranceStart',
  insuranceEnd: 'intern.field.insuranceEnd',
  premiumPaidBy: 'intern.field.premiumPaidBy',
};
const fieldNames = Object.keys(fieldLabels);

const text = (v: string | undefined) => v?.trim() || null;
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** The placement fields as the API takes them; a required field left empty is left out (the check names it). */
function toFields(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {
    hostKind: v.hostKind,
    hostUnitId: v.hostKind === 'member' ? (v.hostUnitId ?? null) : null,
    externalHostId: v.hostKind === 'external' ? (v.externalHostId ?? null) : null,
    postingId: v.hostKind === 'member' ? (v.postingId ?? null) : null,
    postTitle: text(v.postTitle) ?? undefined,
    postStaffCount: num(v.postStaffCount),
    postMajorCodes: v.postMajorCodes ?? [],
    schoolMentorName: text(v.schoolMentorName) ?? undefined,
    enterpriseMentorName: text(v.enterpriseMentorName) ?? undefined,
    startDate: day(v.startDate) ?? undefined,
    endDate: day(v.endDate) ?? undefined,
    dailyHours: num(v.dailyHours) ?? undefined,
    daysPerWeek: num(v.daysPerWeek) ?? 5,
    nightShifts: !!v.nightShifts,
    holidayWork: !!v.holidayWork,
    overtime: !!v.overtime,
    hazardousWork: !!v.hazardousWork,
    exemptionRef: text(v.exemptionRef),
    payAmount: num(v.payAmount),
    postWage: num(v.postWage),
    payChannel: v.payChannel ?? null,
    payFrequency: v.payFrequency ?? null,
    intensityClass: v.intensityClass ?? 1,
    venueType: v.venueType,
    address: text(v.address),
    viaIntermediary: !!v.viaIntermediary,
    feesCharged: !!v.feesCharged,
    documentsHeld: !!v.documentsHeld,
    guardianConsent: !!v.guardianConsent,
    insurer: text(v.insurer),
    policyNo: text(v.policyNo),
    insuranceStart: day(v.insuranceStart),
    insuranceEnd: day(v.insuranceEnd),
    premiumPaidBy: v.premiumPaidBy ?? null,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function valuesOf(p: PlacementDetail): Values {
  const d = (s: string | null) => (s ? dayjs(s) : null);
  return {
    candidateId: p.candidateId,
    hostKind: p.hostKind,
    hostUnitId: p.hostUnitId,
    externalHostId: p.externalHostId,
    postingId: p.postingId,
    postTitle: p.postTitle,
    postStaffCount: p.postStaffCount,
    postMajorCodes: p.postMajorCodes,
    schoolMentorName: p.schoolMentorName,
    enterpriseMentorName: p.enterpriseMentorName,
    startDate: d(p.startDate),
    endDate: d(p.endDate),
    dailyHours: p.dailyHours,
    daysPerWeek: p.daysPerWeek,
    nightShifts: p.nightShifts,
    holidayWork: p.holidayWork,
    overtime: p.overtime,
    hazardousWork: p.hazardousWork,
    exemptionRef: p.exemptionRef ?? '',
    payAmount: p.payAmount,
    postWage: p.postWage,
    payChannel: p.payChannel,
    payFrequency: p.payFrequency,
    intensityClass: p.intensityClass,
    venueType: p.venueType,
    address: p.address ?? '',
    viaIntermediary: p.viaIntermediary,
    feesCharged: p.feesCharged,
    documentsHeld: p.documentsHeld,
    guardianConsent: p.guardianConsent,
    insurer: p.insurer ?? '',
    policyNo: p.policyNo ?? '',
    insuranceStart: d(p.insuranceStart),
    insuranceEnd: d(p.insuranceEnd),
    premiumPaidBy: p.premiumPaidBy,
  };
}

type Props = {
  consortiumId: string;
  open: boolean;
  /** the plan a new placement belongs to */
  plan: Pick<Plan, 'id' | 'schoolUnitId' | 'startDate' | 'endDate' | 'teacherName' | 'title'> | null;
  /** the placement being edited (null: a new one) */
  placement: PlacementDetail | null;
  onClose: () => void;
  onSaved?: (p: PlacementDetail) => void;
};

export function PlacementFormDrawer({ consortiumId, open, plan, placement, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlacement(consortiumId);
  /** the form's values as a check body, once the user has changed something */
  const [draft, setDraft] = useState<string | null>(null);
  /** the findings of a save the server refused (until the next change) */
  const [refused, setRefused] = useState<Finding[] | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [registering, setRegistering] = useState(false);
  const [newHost, setNewHost] = useState<Host | null>(null);
  const [externalHost, setExternalHost] = useState<Host | null>(null);

  const hostKind = Form.useWatch('hostKind', form) ?? placement?.hostKind ?? 'member';
  const hostUnitId = Form.useWatch('hostUnitId', form);
  const toggles = [
    Form.useWatch('nightShifts', form),
    Form.useWatch('holidayWork', form),
    Form.useWatch('overtime', form),
    Form.useWatch('hazardousWork', form),
  ];
  const memberHost = useUnit(consortiumId, hostKind === 'member' ? hostUnitId : null);

  const schoolUnitId = placement?.schoolUnitId ?? plan?.schoolUnitId ?? '';
  const planId = placement?.planId ?? plan?.id ?? '';

  function bodyOf(v: Values): { placementId?: string; placement: Record<string, unknown> } {
    const fields = toFields(v);
    return placement
      ? { placementId: placement.id, placement: fields }
      : { placement: { planId, ...(v.candidateId ? { candidateId: v.candidateId } : {}), ...fields } };
  }
  function touch() {
    setDraft(JSON.stringify(bodyOf(form.getFieldsValue(true) as Values)));
    setRefused(null);
  }
  /** cleared when the drawer has closed, so the next opening starts afresh */
  function resetState() {
    setDraft(null);
    setRefused(null);
    setNewHost(null);
    setExternalHost(null);
  }

  // an edit is checked at once, a new placement once something is filled in
  const effective = draft ?? (open && placement ? JSON.stringify(bodyOf(valuesOf(placement))) : null);
  const debounced = useDebounced(effective, 500);
  const checked = useQuery({
    queryKey: [...internshipsKey(consortiumId), 'check', debounced],
    queryFn: async () => {
      try {
        return await checkPlacement(consortiumId, JSON.parse(debounced ?? '{}') as ReturnType<typeof bodyOf>);
      } catch (err) {
        // issues of fields the user has already filled in show on those fields
        if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
          const touched = err.issues.filter((i) => {
            const f = fieldOf(i.path);
            return fieldNames.includes(f) && form.isFieldTouched(f as keyof Values);
          });
          form.setFields(
            [...new Set(touched.map((i) => fieldOf(i.path)))].map((name) => ({
              name: name as keyof Values,
              errors: touched.filter((i) => fieldOf(i.path) === name).map((i) => internIssueMessage(t, i)),
            })),
          );
        }
        throw err;
      }
    },
    enabled: open && debounced !== null,
    retry: false,
    staleTime: 0,
    gcTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const check: CheckState = refused
    ? { kind: 'done', ok: false, findings: refused, refused: true }
    : debounced === null
      ? { kind: 'idle' }
      : checked.isFetching
        ? { kind: 'checking', previous: checked.data?.findings }
        : checked.isError
          ? checked.error instanceof ApiError && checked.error.code === 'VALIDATION_FAILED'
            ? {
                kind: 'incomplete',
                missing: [...new Set(checked.error.issues.map((i) => fieldOf(i.path)))].map((f) => {
                  const key = fieldLabels[f];
                  return key ? t(key) : f;
                }),
              }
            : { kind: 'error', message: internErrorMessage(t, checked.error, locale) }
          : checked.data
            ? { kind: 'done', ok: checked.data.ok, findings: checked.data.findings }
            : { kind: 'idle' };

  // fill the form when it opens (and when another placement is opened), never while one types
  const formKey = open ? `${placement?.id ?? 'new'}@${placement?.updatedAt ?? ''}@${plan?.id ?? ''}` : null;
  useEffect(() => {
    if (formKey === null) return;
    form.resetFields();
    form.setFieldsValue(
      placement
        ? valuesOf(placement)
        : {
            hostKind: 'member',
            startDate: plan ? dayjs(plan.startDate) : null,
            endDate: plan ? dayjs(plan.endDate) : null,
            // the policy must cover the whole period: it starts as the period
            insuranceStart: plan ? dayjs(plan.startDate) : null,
            insuranceEnd: plan ? dayjs(plan.endDate) : null,
            schoolMentorName: plan?.teacherName ?? '',
            dailyHours: 8,
            daysPerWeek: 5,
            intensityClass: 1,
            venueType: 'factory',
            payChannel: 'bank_to_student',
            payFrequency: 'monthly',
            postMajorCodes: [],
            nightShifts: false,
            holidayWork: false,
            overtime: false,
            hazardousWork: false,
            viaIntermediary: false,
            feesCharged: false,
            documentsHeld: false,
            guardianConsent: false,
          },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `placement` and `plan` are read when formKey changes
  }, [formKey, form]);

  async function onSave() {
    const v = await form.validateFields();
    const fields = toFields(v);
    try {
      let saved: PlacementDetail;
      if (placement) {
        saved = await save.mutateAsync({ id: placement.id, patch: fields as UpdatePlacementInput });
        void message.success(t('intern.placement.saved'));
      } else {
        // built from the form's typed values by toFields; the server validates every field again
        const create = { ...fields, planId, candidateId: v.candidateId ?? '' } as CreatePlacementInput;
        saved = await save.mutateAsync({ create });
        void message.success(t('intern.placement.created', { name: saved.studentName }));
      }
      onSaved?.(saved);
      onClose();
    } catch (err) {
      const findings = violationFindings(err);
      if (findings) {
        setRefused(findings);
        panelRef.current?.scrollIntoView({ block: 'nearest' });
        void message.error(t('intern.check.refusedToast'));
        return;
      }
      const rest = applyInternFieldErrors(form, err, t, fieldNames);
      if (rest === null || rest.length) void message.error(internErrorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  const required = [{ required: true, message: t('intern.rule.required') }];
  const hostEmployees =
    hostKind === 'member'
      ? memberHost.data
        ? { n: memberHost.data.employeeCount, asOf: memberHost.data.employeeCountAsOf }
        : null
      : externalHost
        ? { n: externalHost.employeeCount, asOf: externalHost.employeeCountAsOf }
        : null;
  const anyToggle = toggles.some(Boolean);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1180}
      title={placement ? t('intern.placement.editTitle') : t('intern.placement.createTitle')}
      destroyOnHidden={false}
      forceRender
      afterOpenChange={(o) => {
        if (!o) resetState();
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void onSave().catch(() => undefined)}
            data-testid="placement-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {plan && !placement ? (
        <Typography.Paragraph type="secondary">
          {t('intern.placement.forPlan', { title: plan.title, from: plan.startDate, to: plan.endDate })}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Form<Values>
            form={form}
            layout="vertical"
            name="placement"
            scrollToFirstError
            onValuesChange={touch}
          >
            <Divider titlePlacement="start" style={{ marginTop: 0 }}>
              {t('intern.section.who')}
            </Divider>
            <Form.Item name="candidateId" label={t('intern.field.student')} rules={required}>
              <StudentSelect
                consortiumId={consortiumId}
                schoolUnitId={schoolUnitId}
                disabled={!!placement}
                fixed={placement ? { id: placement.candidateId, name: placement.studentName } : undefined}
              />
            </Form.Item>
            <Form.Item name="hostKind" label={t('intern.field.hostKind')} rules={required}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'member', label: t('intern.hostKind.member') },
                  { value: 'external', label: t('intern.hostKind.external') },
                ]}
              />
            </Form.Item>
            {hostKind === 'member' ? (
              <>
                <Form.Item name="hostUnitId" label={t('intern.field.hostUnit')} rules={required}>
                  <UnitSelect
                    consortiumId={consortiumId}
                    filter={(u) =>
                      u.id !== schoolUnitId && !u.leftOn && !['government', 'park'].includes(u.type)
                    }
                    aria-label={t('intern.field.hostUnit')}
                    onChange={() => form.setFieldsValue({ postingId: null })}
                  />
                </Form.Item>
              </>
            ) : (
              <Form.Item label={t('intern.field.externalHost')} required>
                <Flex gap={8}>
                  <Form.Item name="externalHostId" noStyle rules={required}>
                    <ExternalHostSelect
                      consortiumId={consortiumId}
                      extra={newHost}
                      fixed={
                        placement?.externalHostId
                          ? { id: placement.externalHostId, name: placement.hostName }
                          : null
                      }
                      aria-label={t('intern.field.externalHost')}
                      onChange={(_id, h) => setExternalHost(h ?? null)}
                    />
                  </Form.Item>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => setRegistering(true)}
                    data-testid="host-register"
                  >
                    {t('intern.host.register')}
                  </Button>
                </Flex>
              </Form.Item>
            )}
            {hostEmployees ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="host-employees">
                {hostEmployees.n
                  ? t('intern.field.hostEmployees', { n: hostEmployees.n, asOf: hostEmployees.asOf ?? '—' })
                  : t('intern.field.hostNoEmployees')}
              </Typography.Paragraph>
            ) : null}

            <Divider titlePlacement="start">{t('intern.section.post')}</Divider>
            <Row gutter={16}>
              {hostKind === 'member' ? (
                <Col xs={24}>
                  <Form.Item name="postingId" label={t('intern.field.posting')}>
                    <PostingSelect
                      consortiumId={consortiumId}
                      unitId={hostUnitId}
                      onChange={(id, p) => {
                        form.setFieldsValue({
                          postingId: id,
                          ...(p
                            ? {
                                postTitle: p.title,
                                postStaffCount: p.staffCount ?? form.getFieldValue('postStaffCount'),
                                postMajorCodes: p.majorCodes.length
                                  ? p.majorCodes
                                  : form.getFieldValue('postMajorCodes'),
                              }
                            : {}),
                        });
                        touch();
                      }}
                    />
                  </Form.Item>
                </Col>
              ) : null}
              <Col {...half}>
                <Form.Item name="postTitle" label={t('intern.field.postTitle')} rules={required}>
                  <Input maxLength={80} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="postStaffCount"
                  label={t('intern.field.postStaffCount')}
                  extra={t('intern.help.postStaffCount')}
                >
                  <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="postMajorCodes" label={t('intern.field.postMajors')}>
                  <MajorPrefixSelect aria-label={t('intern.field.postMajors')} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="schoolMentorName" label={t('intern.field.schoolMentor')} rules={required}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="enterpriseMentorName"
                  label={t('intern.field.enterpriseMentor')}
                  rules={required}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('intern.section.time')}</Divider>
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name="startDate" label={t('intern.field.startDate')} rules={required}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="endDate" label={t('intern.field.endDate')} rules={required}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="dailyHours" label={t('intern.field.dailyHours')} rules={required}>
                  <InputNumber min={1} max={24} step={0.5} precision={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="daysPerWeek" label={t('intern.field.daysPerWeek')}>
                  <InputNumber min={1} max={7} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {(['nightShifts', 'holidayWork', 'overtime', 'hazardousWork'] as const).map((k) => (
                <Col xs={12} sm={6} key={k}>
                  <Form.Item name={k} label={t(fieldLabels[k]!)} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              ))}
              {anyToggle ? (
                <Col xs={24}>
                  <Form.Item
                    name="exemptionRef"
                    label={t('intern.field.exemptionRef')}
                    extra={t('intern.help.exemptionRef')}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>

            <Divider titlePlacement="start">{t('intern.section.pay')}</Divider>
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name="payAmount" label={t('intern.field.payAmount')}>
                  <InputNumber
                    min={0}
                    max={1_000_000}
                    step={100}
                    suffix={t('intern.unit.yuanMonth')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="postWage" label={t('intern.field.postWage')}>
                  <InputNumber
                    min={0}
                    max={1_000_000}
                    step={100}
                    suffix={t('intern.unit.yuanMonth')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="payChannel" label={t('intern.field.payChannel')}>
                  <Select
                    allowClear
                    options={payChannels.map((c) => ({ value: c, label: payChannelLabel(t, c) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="payFrequency" label={t('intern.field.payFrequency')}>
                  <Select
                    allowClear
                    options={payFrequencies.map((c) => ({ value: c, label: payFrequencyLabel(t, c) }))}
                  />
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('intern.section.safety')}</Divider>
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name="intensityClass" label={t('intern.field.intensityClass')}>
                  <Radio.Group
                    optionType="button"
                    options={intensityClasses.map((c) => ({ value: c, label: intensityLabel(c) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="venueType" label={t('intern.field.venueType')} rules={required}>
                  <Select
                    options={venueTypes.map((v) => ({
                      value: v,
                      label: bannedVenueTypes.includes(v)
                        ? `${venueLabel(t, v)}（${t('intern.venue.banned')}）`
                        : venueLabel(t, v),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="address" label={t('intern.field.address')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              {(['viaIntermediary', 'feesCharged', 'documentsHeld', 'guardianConsent'] as const).map((k) => (
                <Col xs={12} sm={6} key={k}>
                  <Form.Item name={k} label={t(fieldLabels[k]!)} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              ))}
            </Row>

            <Divider titlePlacement="start">{t('intern.section.insurance')}</Divider>
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name="insurer" label={t('intern.field.insurer')}>
                  <Input maxLength={80} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="policyNo" label={t('intern.field.policyNo')}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
              <Col {...third}>
                <Form.Item name="insuranceStart" label={t('intern.field.insuranceStart')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...third}>
                <Form.Item name="insuranceEnd" label={t('intern.field.insuranceEnd')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...third}>
                <Form.Item name="premiumPaidBy" label={t('intern.field.premiumPaidBy')}>
                  <Select
                    allowClear
                    options={premiumPayers.map((c) => ({ value: c, label: premiumPayerLabel(t, c) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Col>
        <Col xs={24} lg={9}>
          <div
            ref={panelRef}
            style={{ position: 'sticky', top: 0, maxHeight: 'calc(100vh - 150px)', overflowY: 'auto' }}
          >
            <CheckPanel state={check} />
          </div>
        </Col>
      </Row>
      <HostFormModal
        consortiumId={consortiumId}
        open={registering}
        host={null}
        onClose={() => setRegistering(false)}
        onSaved={(h) => {
          setNewHost(h);
          setExternalHost(h);
          form.setFieldsValue({ externalHostId: h.id });
          touch();
        }}
      />
    </Drawer>
  );
}
