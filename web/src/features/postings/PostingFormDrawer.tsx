// Create or edit a posting (its enterprise): every field of the API, checked here as the server checks
// it, and the server's own findings put on the fields they name. A draft may be sent for vetting at once;
// a published posting that is changed goes back to vetting.
import {
  Alert,
  App,
  Button,
  Checkbox,
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
import { useEffect, useState } from 'react';
import { useConsortiumSummaryRegion } from './region';
import { useI18n } from '../../lib/i18n';
import { UnitSelect } from '../units/UnitSelect';
import { useCreatePosting, usePostingAction, useTalentDemands, useUpdatePosting } from './api';
import { CodeSelect } from './codes';
import { applyTalentFieldErrors, talentErrorMessage } from './errors';
import {
  chinaToday,
  educationLevelLabel,
  educationLevels,
  postingActionAllowed,
  postingKindLabel,
  postingKinds,
} from './labels';
import type { CreatePostingInput, EducationLevel, Posting, PostingKind, UpdatePostingInput } from './types';
import type { PostingUnits } from './usePostingUnits';

type Values = {
  unitId?: string;
  kind: PostingKind;
  title: string;
  occupationCode?: string | null;
  majorCodes?: string[];
  levels?: EducationLevel[];
  headcount?: number | null;
  staffCount?: number | null;
  districtCode?: string | null;
  payMin?: number | null;
  payMax?: number | null;
  hours?: string;
  requirements?: string;
  skills?: string[];
  deadline?: Dayjs | null;
  talentDemandId?: string | null;
};

const fields = [
  'unitId',
  'kind',
  'title',
  'occupationCode',
  'majorCodes',
  'levels',
  'headcount',
  'staffCount',
  'districtCode',
  'payMin',
  'payMax',
  'hours',
  'requirements',
  'skills',
  'deadline',
  'talentDemandId',
] as const;

const text = (v: string | undefined) => v?.trim() || null;
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);

/** The posting fields as the API takes them (null: empty). */
function toFields(v: Values) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    occupationCode: v.occupationCode || null,
    majorCodes: v.majorCodes ?? [],
    levels: v.levels ?? [],
    headcount: v.headcount ?? 1,
    staffCount: v.kind === 'internship' ? num(v.staffCount) : null,
    districtCode: v.districtCode || null,
    payMin: num(v.payMin),
    payMax: num(v.payMax),
    hours: text(v.hours),
    requirements: text(v.requirements),
    skills: (v.skills ?? []).map((s) => s.trim()).filter(Boolean),
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
    talentDemandId: v.talentDemandId || null,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Props = {
  consortiumId: string;
  posting: Posting | null;
  open: boolean;
  units: PostingUnits;
  onClose: () => void;
  onSaved?: (p: Posting) => void;
};

export function PostingFormDrawer({ consortiumId, posting, open, units, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePosting(consortiumId);
  const update = useUpdatePosting(consortiumId);
  const act = usePostingAction(consortiumId);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const unitId = Form.useWatch('unitId', form) ?? posting?.unitId;
  const kind = Form.useWatch('kind', form) ?? posting?.kind;
  const demands = useTalentDemands(consortiumId, unitId);
  const city = useConsortiumSummaryRegion(consortiumId);

  const defaultUnitId = units.units.length === 1 ? units.units[0]!.id : undefined;
  // fill the form when it opens (and when another posting is opened), never while one types
  const formKey = open ? `${posting?.id ?? 'new'}@${posting?.updatedAt ?? ''}` : null;
  useEffect(() => {
    if (formKey === null) return;
    form.resetFields();
    form.setFieldsValue(
      posting
        ? {
            unitId: posting.unitId,
            kind: posting.kind,
            title: posting.title,
            occupationCode: posting.occupationCode,
            majorCodes: posting.majorCodes,
            levels: posting.levels,
            headcount: posting.headcount,
            staffCount: posting.staffCount,
            districtCode: posting.districtCode,
            payMin: posting.payMin,
            payMax: posting.payMax,
            hours: posting.hours ?? '',
            requirements: posting.requirements ?? '',
            skills: posting.skills,
            deadline: dayjs(posting.deadline),
            talentDemandId: posting.talentDemandId,
          }
        : {
            unitId: defaultUnitId,
            kind: 'job',
            headcount: 1,
            majorCodes: [],
            levels: [],
            skills: [],
            deadline: dayjs().add(30, 'day'),
          },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `posting` is read when formKey changes
  }, [formKey, form, defaultUnitId]);

  const revets = posting?.status === 'published';
  const canSubmitAfter = posting ? postingActionAllowed('submit', posting.status) : true;

  async function save(submit: boolean) {
    const v = await form.validateFields();
    setBusy(submit ? 'submit' : 'save');
    try {
      const input = toFields(v);
      let saved: Posting;
      if (!posting) {
        const body: CreatePostingInput = { unitId: v.unitId ?? '', ...input, submit };
        saved = await create.mutateAsync(body);
        void message.success(submit ? t('postings.form.createdSubmitted') : t('postings.form.createdDraft'));
      } else {
        const before: Record<string, unknown> = posting;
        const patch: UpdatePostingInput = {};
        for (const [k, value] of Object.entries(input)) {
          if (!same(value, before[k] ?? (Array.isArray(value) ? [] : null)))
            Object.assign(patch, { [k]: value });
        }
        saved = posting;
        if (Object.keys(patch).length > 0) {
          saved = await update.mutateAsync({ id: posting.id, patch });
        }
        if (submit && postingActionAllowed('submit', saved.status)) {
          saved = await act.mutateAsync({ id: posting.id, action: 'submit' });
        }
        void message.success(
          saved.status === 'pending' && posting.status !== 'pending'
            ? t('postings.form.savedSubmitted')
            : t('postings.form.saved'),
        );
      }
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (!applyTalentFieldErrors(form, err, t, fields))
        void message.error(talentErrorMessage(t, err, locale));
    } finally {
      setBusy(null);
    }
  }

  const half = { xs: 24, sm: 12 };
  const today = chinaToday();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={posting ? t('postings.form.editTitle') : t('postings.form.createTitle')}
      destroyOnHidden={false}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void save(false).catch(() => undefined)}
            data-testid="posting-save"
          >
            {!posting
              ? t('postings.form.saveDraft')
              : revets
                ? t('postings.form.saveRevet')
                : t('common.save')}
          </Button>
          {canSubmitAfter ? (
            <Button
              type="primary"
              loading={busy === 'submit'}
              disabled={busy !== null}
              onClick={() => void save(true).catch(() => undefined)}
              data-testid="posting-submit"
            >
              {t('postings.form.saveSubmit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {revets ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('postings.form.revetWarning')} />
      ) : null}
      {posting?.status === 'rejected' && posting.rejectReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('postings.detail.rejectedBecause')}
          description={posting.rejectReason}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" name="posting" scrollToFirstError>
        {units.anyUnit || units.units.length > 1 || posting ? (
          <Form.Item
            name="unitId"
            label={t('postings.field.unit')}
            rules={[{ required: true, message: t('postings.rule.unit') }]}
          >
            {posting ? (
              <Select disabled options={[{ value: posting.unitId, label: posting.unitName }]} />
            ) : units.anyUnit ? (
              <UnitSelect
                consortiumId={consortiumId}
                filter={(u) => u.type === 'enterprise' && !u.leftOn}
                aria-label={t('postings.field.unit')}
              />
            ) : (
              <Select
                options={units.units.map((u) => ({ value: u.id, label: u.name }))}
                aria-label={t('postings.field.unit')}
              />
            )}
          </Form.Item>
        ) : (
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        )}
        {!posting && !units.anyUnit && units.units.length === 1 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('postings.form.postingFor', { name: units.units[0]!.name })}
          </Typography.Paragraph>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('postings.field.kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={postingKinds.map((k) => ({ value: k, label: postingKindLabel(t, k) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="title"
              label={t('postings.field.title')}
              rules={[
                { required: true, whitespace: true, message: t('postings.rule.title') },
                { min: 2, message: t('postings.rule.titleLength') },
                { max: 80, message: t('postings.rule.titleLength') },
              ]}
            >
              <Input maxLength={80} showCount data-testid="posting-title" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="headcount"
              label={t('postings.field.headcount')}
              rules={[
                { required: true, message: t('postings.rule.headcount') },
                { type: 'integer', min: 1, max: 10_000, message: t('postings.rule.headcount') },
              ]}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {kind === 'internship' && (
            <Col {...half}>
              <Form.Item
                name="staffCount"
                label={t('postings.field.staffCount')}
                extra={t('postings.help.staffCount')}
                rules={[{ type: 'integer', min: 1, max: 1_000_000, message: t('postings.rule.staffCount') }]}
              >
                <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item
              name="deadline"
              label={t('postings.field.deadline')}
              rules={[
                { required: true, message: t('postings.rule.deadline') },
                {
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    const unchanged = posting && v && v.format('YYYY-MM-DD') === posting.deadline;
                    if (v && !unchanged && v.format('YYYY-MM-DD') < today)
                      throw new Error(t('postings.issue.IN_PAST'));
                  },
                },
              ]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') < today}
                data-testid="posting-deadline"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="payMin"
              label={t('postings.field.payMin')}
              rules={[{ type: 'integer', min: 0, max: 1_000_000, message: t('postings.rule.pay') }]}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                step={500}
                precision={0}
                suffix={t('postings.pay.unit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="payMax"
              label={t('postings.field.payMax')}
              dependencies={['payMin']}
              rules={[
                { type: 'integer', min: 0, max: 1_000_000, message: t('postings.rule.pay') },
                ({ getFieldValue }) => ({
                  validator: async (_r, v: number | null | undefined) => {
                    const min = getFieldValue('payMin') as number | null | undefined;
                    if (typeof v === 'number' && typeof min === 'number' && v < min)
                      throw new Error(t('postings.issue.PAY_ORDER'));
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                step={500}
                precision={0}
                suffix={t('postings.pay.unit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="districtCode"
              label={t('postings.field.district')}
              extra={t('postings.form.districtHelp')}
              rules={[{ pattern: /^\d{6}$/, message: t('rule.regionCode') }]}
            >
              <CodeSelect
                kind="region"
                customCode={/^\d{6}$/}
                suggested={
                  city ? [{ code: city, label: t('postings.filter.city', { code: city }) }] : undefined
                }
                allowClear
                aria-label={t('postings.field.district')}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="hours"
              label={t('postings.field.hours')}
              rules={[{ max: 100, message: t('rule.max100') }]}
            >
              <Input maxLength={100} placeholder={t('postings.form.hoursPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="majorCodes"
          label={t('postings.field.majors')}
          extra={t('postings.form.majorsHelp')}
          rules={[{ type: 'array', max: 20, message: t('postings.rule.majors') }]}
        >
          <CodeSelect
            kind="major"
            multiple
            customCode={/^\d{2}(\d{2}(\d{2})?)?$/}
            allowClear
            aria-label={t('postings.field.majors')}
          />
        </Form.Item>
        <Form.Item name="levels" label={t('postings.field.levels')} extra={t('postings.form.levelsHelp')}>
          <Checkbox.Group
            options={educationLevels.map((l) => ({ value: l, label: educationLevelLabel(t, l) }))}
          />
        </Form.Item>
        <Form.Item
          name="occupationCode"
          label={t('postings.field.occupation')}
          extra={t('postings.form.occupationHelp')}
          rules={[{ pattern: /^\d(-\d{2}){0,3}$/, message: t('postings.rule.occupation') }]}
        >
          <CodeSelect
            kind="occupation"
            customCode={/^\d(-\d{2}){0,3}$/}
            allowClear
            aria-label={t('postings.field.occupation')}
          />
        </Form.Item>
        <Form.Item
          name="skills"
          label={t('postings.field.skills')}
          extra={t('postings.form.skillsHelp')}
          rules={[
            { type: 'array', max: 30, message: t('postings.rule.skillsCount') },
            {
              validator: async (_r, v: string[] | undefined) => {
                if ((v ?? []).some((s) => s.trim().length > 40))
                  throw new Error(t('postings.rule.skillLength'));
              },
            },
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            open={false}
            suffixIcon={null}
            aria-label={t('postings.field.skills')}
            data-testid="posting-skills"
          />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('postings.field.requirements')}
          rules={[{ max: 4000, message: t('postings.rule.requirements') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="posting-requirements" />
        </Form.Item>
        <Form.Item
          name="talentDemandId"
          label={t('postings.field.talentDemand')}
          extra={t('postings.form.talentDemandHelp')}
        >
          <Select
            allowClear
            disabled={!unitId}
            loading={demands.isFetching}
            placeholder={unitId ? t('postings.form.noDemand') : t('postings.form.pickUnitFirst')}
            notFoundContent={t('postings.form.noDemands')}
            options={(demands.data?.items ?? []).map((d) => ({
              value: d.id,
              label: d.headcount
                ? t('postings.form.demandOption', { title: d.title, n: d.headcount })
                : d.title,
            }))}
            aria-label={t('postings.field.talentDemand')}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
