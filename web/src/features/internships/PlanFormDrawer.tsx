// Create or edit an internship plan: the school (for those who write for several), kind, majors, cohort,
// period, goals, teacher, log cadence and the assessment rubric, whose weights must add up to 100.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n, type TFunction } from '../../lib/i18n';
import { SchoolSelect } from '../candidates/SchoolSelect';
import { MajorPrefixSelect } from '../matching/MajorPrefixSelect';
import { useSavePlan } from './api';
import { applyInternFieldErrors, internErrorMessage } from './errors';
import { internshipKinds, kindLabel, planStatuses, planStatusLabel } from './labels';
import type { InternshipScope } from './scope';
import type { InternshipKind, Plan, PlanStatus, RubricItem } from './types';

type Values = {
  schoolUnitId?: string;
  title: string;
  kind: InternshipKind;
  majorCodes: string[];
  cohort: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  goals?: string;
  teacherName: string;
  logCadenceDays: number;
  rubric: { key?: string; label?: string; weight?: number | null }[];
  status?: PlanStatus;
};
const fields = [
  'schoolUnitId',
  'title',
  'kind',
  'majorCodes',
  'cohort',
  'startDate',
  'endDate',
  'goals',
  'teacherName',
  'logCadenceDays',
  'rubric',
  'status',
];

const defaultRubric = (t: TFunction): RubricItem[] => [
  { key: 'skill', label: t('intern.rubric.default.skill'), weight: 50 },
  { key: 'attitude', label: t('intern.rubric.default.attitude'), weight: 30 },
  { key: 'safety', label: t('intern.rubric.default.safety'), weight: 20 },
];

/** Keys for the criteria: kept where they have one, otherwise the first unused c1, c2, … */
function withKeys(items: Values['rubric']): RubricItem[] {
  const used = new Set(items.map((r) => r.key?.trim()).filter(Boolean));
  let n = 1;
  return items.map((r) => {
    let key = r.key?.trim();
    if (!key) {
      while (used.has(`c${n}`)) n++;
      key = `c${n}`;
      used.add(key);
    }
    return { key, label: (r.label ?? '').trim(), weight: r.weight ?? 0 };
  });
}

type Props = {
  consortiumId: string;
  open: boolean;
  plan: Plan | null;
  scope: InternshipScope;
  onClose: () => void;
  onSaved?: (plan: Plan) => void;
};

export function PlanFormDrawer({ consortiumId, open, plan, scope, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan(consortiumId);
  const rubric = Form.useWatch('rubric', form) ?? [];
  const sum = rubric.reduce((s, r) => s + (typeof r?.weight === 'number' ? r.weight : 0), 0);
  const severalSchools = scope.whole || scope.ownSchools.length > 1;

  const formKey = open ? `${plan?.id ?? 'new'}@${plan?.createdAt ?? ''}` : null;
  useEffect(() => {
    if (formKey === null) return;
    form.resetFields();
    form.setFieldsValue(
      plan
        ? {
            schoolUnitId: plan.schoolUnitId,
            title: plan.title,
            kind: plan.kind,
            majorCodes: plan.majorCodes,
            cohort: plan.cohort,
            startDate: dayjs(plan.startDate),
            endDate: dayjs(plan.endDate),
            goals: plan.goals ?? '',
            teacherName: plan.teacherName,
            logCadenceDays: plan.logCadenceDays,
            rubric: plan.rubric,
            status: plan.status,
          }
        : {
            schoolUnitId: scope.ownSchools.length === 1 && !scope.whole ? scope.ownSchools[0]!.id : undefined,
            kind: 'position',
            majorCodes: [],
            logCadenceDays: 14,
            rubric: defaultRubric(t),
          },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `plan` and `scope` are read when formKey changes
  }, [formKey, form]);

  async function onSave() {
    const v = await form.validateFields();
    const body = {
      title: v.title.trim(),
      kind: v.kind,
      majorCodes: v.majorCodes ?? [],
      cohort: v.cohort.trim(),
      startDate: v.startDate!.format('YYYY-MM-DD'),
      endDate: v.endDate!.format('YYYY-MM-DD'),
      goals: v.goals?.trim() || null,
      teacherName: v.teacherName.trim(),
      logCadenceDays: v.logCadenceDays,
      rubric: withKeys(v.rubric),
    };
    try {
      const saved = plan
        ? await save.mutateAsync({
            id: plan.id,
            patch: {
              ...body,
              // the kind may change only while the plan has no placements
              kind: plan.placements > 0 ? undefined : body.kind,
              status: v.status,
            },
          })
        : await save.mutateAsync({ create: { schoolUnitId: v.schoolUnitId ?? '', ...body } });
      void message.success(plan ? t('intern.plan.saved') : t('intern.plan.created', { title: saved.title }));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      const rest = applyInternFieldErrors(form, err, t, fields);
      if (rest === null || rest.length) void message.error(internErrorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  const required = [{ required: true, whitespace: true, message: t('intern.rule.required') }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={plan ? t('intern.plan.editTitle') : t('intern.plan.createTitle')}
      destroyOnHidden={false}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void onSave().catch(() => undefined)}
            data-testid="plan-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" name="plan" scrollToFirstError>
        {plan ? (
          <Form.Item label={t('intern.field.school')}>
            <Typography.Text>{plan.schoolName}</Typography.Text>
          </Form.Item>
        ) : severalSchools ? (
          <Form.Item name="schoolUnitId" label={t('intern.field.school')} rules={required}>
            <SchoolSelect
              consortiumId={consortiumId}
              only={scope.whole ? undefined : scope.ownSchools.map((s) => s.id)}
              aria-label={t('intern.field.school')}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="schoolUnitId" hidden>
              <Input />
            </Form.Item>
            {scope.ownSchools[0] ? (
              <Typography.Paragraph type="secondary">
                {t('intern.plan.forSchool', { name: scope.ownSchools[0].name })}
              </Typography.Paragraph>
            ) : null}
          </>
        )}
        <Form.Item
          name="title"
          label={t('intern.field.planTitle')}
          rules={[...required, { max: 80, message: t('intern.rule.max', { n: 80 }) }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="kind"
              label={t('intern.field.kind')}
              rules={[{ required: true }]}
              extra={plan && plan.placements > 0 ? t('intern.plan.kindLocked') : undefined}
            >
              <Radio.Group
                optionType="button"
                disabled={!!plan && plan.placements > 0}
                options={internshipKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="cohort"
              label={t('intern.field.cohort')}
              rules={[...required, { max: 20, message: t('intern.rule.max', { n: 20 }) }]}
            >
              <Input maxLength={20} placeholder={t('intern.field.cohortPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="majorCodes" label={t('intern.field.majors')} extra={t('intern.help.majors')}>
              <MajorPrefixSelect aria-label={t('intern.field.majors')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="startDate"
              label={t('intern.field.startDate')}
              rules={[{ required: true, message: t('intern.rule.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="endDate"
              label={t('intern.field.endDate')}
              dependencies={['startDate']}
              rules={[
                { required: true, message: t('intern.rule.required') },
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    const s = getFieldValue('startDate') as Dayjs | null | undefined;
                    if (v && s && v.isBefore(s, 'day')) throw new Error(t('intern.rule.dateOrder'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="teacherName"
              label={t('intern.field.teacher')}
              rules={[...required, { max: 40, message: t('intern.rule.max', { n: 40 }) }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="logCadenceDays"
              label={t('intern.field.logCadence')}
              extra={t('intern.help.logCadence')}
              rules={[
                { required: true, type: 'integer', min: 1, max: 60, message: t('intern.rule.cadence') },
              ]}
            >
              <InputNumber
                min={1}
                max={60}
                precision={0}
                suffix={t('intern.unit.days')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          {plan ? (
            <Col {...half}>
              <Form.Item name="status" label={t('intern.field.planStatus')}>
                <Select options={planStatuses.map((s) => ({ value: s, label: planStatusLabel(t, s) }))} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item name="goals" label={t('intern.field.goals')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('intern.rubric.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('intern.rubric.help')}</Typography.Paragraph>
        <Form.List
          name="rubric"
          rules={[
            {
              validator: async (_r, items: Values['rubric'] | undefined) => {
                const list = items ?? [];
                if (!list.length) throw new Error(t('intern.rubric.atLeastOne'));
                const total = list.reduce((s, r) => s + (r?.weight ?? 0), 0);
                if (total !== 100) throw new Error(t('intern.rubric.sumMust', { sum: total }));
              },
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item
                    name={[item.name, 'label']}
                    rules={[{ required: true, whitespace: true, message: t('intern.rule.required') }]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      maxLength={40}
                      placeholder={t('intern.rubric.label')}
                      aria-label={t('intern.rubric.labelN', { n: i + 1 })}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'weight']}
                    rules={[{ required: true, message: t('intern.rule.required') }]}
                  >
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      suffix="%"
                      aria-label={t('intern.rubric.weightN', { n: i + 1 })}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={items.length <= 1}
                    onClick={() => remove(item.name)}
                    aria-label={t('intern.rubric.removeN', { n: i + 1 })}
                  />
                </Flex>
              ))}
              <Flex justify="space-between" align="center">
                <Button
                  icon={<PlusOutlined />}
                  disabled={items.length >= 12}
                  onClick={() => add({ label: '', weight: Math.max(1, 100 - sum) })}
                >
                  {t('intern.rubric.add')}
                </Button>
                <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="rubric-sum">
                  {t('intern.rubric.sum', { sum })}
                </Typography.Text>
              </Flex>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        {plan && plan.placements > 0 ? (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('intern.plan.changeNote')} />
        ) : null}
      </Form>
    </Drawer>
  );
}
