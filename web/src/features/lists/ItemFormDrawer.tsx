// Add or edit an item of one list. A unit administrator adds items for their own unit; the secretariat
// for any member unit. A new item is a draft; a published item its unit edits goes back to review.
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateListItem, useUpdateListItem } from './api';
import {
  applyItemErrors,
  fieldLabel,
  kindFields,
  majorCodesRule,
  maxChars,
  patterns,
  windowEndRule,
  wordsRule,
  type ItemField,
  type KindField,
} from './fields';
import { chainPositionLabel, kindShortLabel, levelLabel } from './labels';
import {
  chainPositions,
  educationLevels,
  type ChainPosition,
  type CreateListItemInput,
  type EducationLevel,
  type ListItem,
  type ListKind,
  type UpdateListItemInput,
} from './types';

type Values = {
  unitId?: string;
  title: string;
  description?: string;
  industryCode?: string;
  chain?: string;
  chainPosition?: ChainPosition | null;
  keyTechnologies?: string[];
  year?: number | null;
  field?: string;
  expectedOutcome?: string;
  budget?: number | null;
  deadline?: Dayjs | null;
  occupationCode?: string;
  majorCodes?: string[];
  level?: EducationLevel | null;
  headcount?: number | null;
  skills?: string[];
  windowStart?: Dayjs | null;
  windowEnd?: Dayjs | null;
  regionCode?: string;
  location?: string;
};

/** The item's own values as the API takes them (null or [] when empty). */
type ItemValues = Record<'title' | 'description' | KindField, string | number | string[] | null>;

const DAY = 'YYYY-MM-DD';
const day = (v: string | null) => (v ? dayjs(v) : null);
const text = (v: string | undefined) => v?.trim() || null;
const upper = (v: string | undefined) => text(v)?.toUpperCase() ?? null;
const date = (v: Dayjs | null | undefined) => (v ? v.format(DAY) : null);
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
const words = (v: string[] | undefined) => [...new Set((v ?? []).map((w) => w.trim()).filter(Boolean))];

function toValues(kind: ListKind, v: Values): ItemValues {
  const all: ItemValues = {
    title: v.title.trim(),
    description: text(v.description),
    industryCode: upper(v.industryCode),
    chain: text(v.chain),
    chainPosition: v.chainPosition ?? null,
    keyTechnologies: words(v.keyTechnologies),
    year: num(v.year),
    field: text(v.field),
    expectedOutcome: text(v.expectedOutcome),
    budget: num(v.budget),
    deadline: date(v.deadline),
    occupationCode: text(v.occupationCode),
    majorCodes: words(v.majorCodes),
    level: v.level ?? null,
    headcount: num(v.headcount),
    skills: words(v.skills),
    windowStart: date(v.windowStart),
    windowEnd: date(v.windowEnd),
    regionCode: text(v.regionCode),
    location: text(v.location),
  };
  const own = new Set<string>(['title', 'description', ...kindFields[kind]]);
  return Object.fromEntries(Object.entries(all).filter(([k]) => own.has(k))) as ItemValues;
}

function fromItem(i: ListItem): Values {
  return {
    unitId: i.unitId,
    title: i.title,
    description: i.description ?? '',
    industryCode: i.industryCode ?? '',
    chain: i.chain ?? '',
    chainPosition: i.chainPosition,
    keyTechnologies: i.keyTechnologies,
    year: i.year,
    field: i.field ?? '',
    expectedOutcome: i.expectedOutcome ?? '',
    budget: i.budget,
    deadline: day(i.deadline),
    occupationCode: i.occupationCode ?? '',
    majorCodes: i.majorCodes,
    level: i.level,
    headcount: i.headcount,
    skills: i.skills,
    windowStart: day(i.windowStart),
    windowEnd: day(i.windowEnd),
    regionCode: i.regionCode ?? '',
    location: i.location ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const tagSeparators = [',', '，', '、', ';', '；'];

type Props = {
  consortiumId: string;
  kind: ListKind;
  /** the item to edit; null to add one */
  item: ListItem | null;
  open: boolean;
  onClose: () => void;
  onCreated?: (item: ListItem) => void;
};

export function ItemFormDrawer({ consortiumId, kind, item, open, onClose, onCreated }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const create = useCreateListItem(consortiumId);
  const update = useUpdateListItem(consortiumId);
  const anyUnit = access.canEverywhere('list.write');
  const reviewer = access.can('list.review');
  const own = kindFields[kind];
  const formFields: readonly ItemField[] = ['unitId', 'title', 'description', ...own];

  // the member units the user writes lists for (a unit administrator's own unit)
  const ownUnits = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of me.memberships) {
      if (m.consortiumId !== consortiumId || !m.memberUnitId || seen.has(m.memberUnitId)) continue;
      if (access.canOnUnit('list.write', m.memberUnitId)) seen.set(m.memberUnitId, m.memberUnitName ?? '');
    }
    return [...seen].map(([id, name]) => ({ value: id, label: name }));
  }, [me, consortiumId, access]);

  // a unit administrator of one unit adds items for it
  const presetUnit = !anyUnit && ownUnits.length === 1 ? ownUnits[0]?.value : undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (item) form.setFieldsValue(fromItem(item));
    else if (presetUnit) form.setFieldsValue({ unitId: presetUnit });
  }, [open, item, form, presetUnit]);

  async function submit(v: Values) {
    const values = toValues(kind, v);
    try {
      if (item) {
        const before = item as unknown as Record<string, unknown>;
        const patch = Object.fromEntries(
          Object.entries(values).filter(([k, value]) => !same(value, before[k])),
        ) as UpdateListItemInput;
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        const saved = await update.mutateAsync({ id: item.id, patch });
        void message.success(
          saved.status === 'submitted' && item.status === 'published'
            ? t('lists.savedReReview')
            : t('lists.saved'),
        );
        onClose();
      } else {
        // empty fields are left out: the server takes them as not given
        const body = Object.fromEntries(
          Object.entries(values).filter(([, value]) => value !== null && !same(value, [])),
        );
        const created = await create.mutateAsync({
          ...body,
          kind,
          unitId: v.unitId ?? '',
        } as CreateListItemInput);
        void message.success(t('lists.created', { title: created.title }));
        onClose();
        onCreated?.(created);
      }
    } catch (err) {
      if (!applyItemErrors(form, err, t, formFields)) void message.error(errorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  const has = (f: KindField) => own.includes(f);
  const title = item
    ? t('lists.editTitle', { kind: kindShortLabel(t, kind) })
    : t('lists.createTitle', { kind: kindShortLabel(t, kind) });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.md ? 640 : '100%'}
      // above the item's drawer, from which it is opened to edit
      zIndex={1001}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="list-item-save"
          >
            {item ? t('common.save') : t('lists.saveDraft')}
          </Button>
        </Flex>
      }
    >
      {item && item.status === 'published' && !reviewer ? (
        <Alert type="warning" showIcon title={t('lists.editPublishedWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      {!item ? (
        <Alert type="info" showIcon title={t('lists.createHelp')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name={`list-item-${kind}`}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Form.Item
          name="unitId"
          label={fieldLabel(t, 'unitId')}
          rules={[{ required: !item, message: t('lists.rule.unit') }]}
          extra={item ? undefined : anyUnit ? t('lists.unitHelpAny') : t('lists.unitHelpOwn')}
        >
          {item ? (
            <Select disabled options={[{ value: item.unitId, label: item.unitName }]} />
          ) : anyUnit ? (
            <UnitSelect
              consortiumId={consortiumId}
              aria-label={fieldLabel(t, 'unitId')}
              data-testid="list-item-unit"
            />
          ) : (
            <Select
              options={ownUnits}
              disabled={ownUnits.length <= 1}
              placeholder={t('common.select')}
              aria-label={fieldLabel(t, 'unitId')}
              data-testid="list-item-unit"
            />
          )}
        </Form.Item>
        <Form.Item
          name="title"
          label={fieldLabel(t, 'title')}
          rules={[
            { required: true, whitespace: true, message: t('lists.rule.titleRequired') },
            { min: 2, max: 120, message: t('lists.rule.title') },
          ]}
        >
          <Input
            maxLength={120}
            showCount
            placeholder={t(`lists.titlePlaceholder.${kind}`)}
            data-testid="list-item-title"
          />
        </Form.Item>
        <Form.Item name="description" label={fieldLabel(t, 'description')} rules={[maxChars(t, 4000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>

        <Row gutter={16}>
          {has('industryCode') ? (
            <Col {...half}>
              <Form.Item
                name="industryCode"
                label={fieldLabel(t, 'industryCode')}
                extra={t('lists.help.industryCode')}
                rules={[{ pattern: patterns.industryCode, message: t('rule.industryCode') }]}
                normalize={(v: string) => v.toUpperCase()}
              >
                <Input
                  maxLength={4}
                  autoComplete="off"
                  className="cj-mono"
                  data-testid="list-item-industry"
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('chain') ? (
            <Col {...half}>
              <Form.Item name="chain" label={fieldLabel(t, 'chain')} rules={[maxChars(t, 60)]}>
                <Input maxLength={60} placeholder={t('lists.chainPlaceholder')} />
              </Form.Item>
            </Col>
          ) : null}
          {has('chainPosition') ? (
            <Col {...half}>
              <Form.Item name="chainPosition" label={fieldLabel(t, 'chainPosition')}>
                <Select
                  allowClear
                  placeholder={t('common.select')}
                  options={chainPositions.map((v) => ({ value: v, label: chainPositionLabel(t, v) }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('year') ? (
            <Col {...half}>
              <Form.Item
                name="year"
                label={fieldLabel(t, 'year')}
                rules={[{ type: 'integer', min: 1990, max: 2100, message: t('lists.rule.year') }]}
              >
                <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {has('field') ? (
            <Col {...half}>
              <Form.Item name="field" label={fieldLabel(t, 'field')} rules={[maxChars(t, 60)]}>
                <Input maxLength={60} placeholder={t('lists.fieldPlaceholder')} />
              </Form.Item>
            </Col>
          ) : null}
          {has('budget') ? (
            <Col {...half}>
              <Form.Item
                name="budget"
                label={fieldLabel(t, 'budget')}
                rules={[{ type: 'number', min: 0, max: 1_000_000, message: t('lists.rule.budget') }]}
              >
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={2}
                  style={{ width: '100%' }}
                  suffix={t('lists.tenThousandYuan')}
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('deadline') ? (
            <Col {...half}>
              <Form.Item name="deadline" label={fieldLabel(t, 'deadline')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {has('occupationCode') ? (
            <Col {...half}>
              <Form.Item
                name="occupationCode"
                label={fieldLabel(t, 'occupationCode')}
                extra={t('lists.help.occupationCode')}
                rules={[{ pattern: patterns.occupationCode, message: t('lists.rule.occupationCode') }]}
              >
                <Input
                  maxLength={12}
                  autoComplete="off"
                  className="cj-mono"
                  data-testid="list-item-occupation"
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('level') ? (
            <Col {...half}>
              <Form.Item name="level" label={fieldLabel(t, 'level')}>
                <Select
                  allowClear
                  placeholder={t('common.select')}
                  options={educationLevels.map((v) => ({ value: v, label: levelLabel(t, v) }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('headcount') ? (
            <Col {...half}>
              <Form.Item
                name="headcount"
                label={fieldLabel(t, 'headcount')}
                rules={[
                  { required: true, message: t('lists.rule.headcountRequired') },
                  { type: 'integer', min: 1, max: 100_000, message: t('lists.rule.headcount') },
                ]}
              >
                <InputNumber
                  min={1}
                  max={100_000}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="list-item-headcount"
                />
              </Form.Item>
            </Col>
          ) : null}
          {has('windowStart') ? (
            <Col {...half}>
              <Form.Item name="windowStart" label={fieldLabel(t, 'windowStart')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {has('windowEnd') ? (
            <Col {...half}>
              <Form.Item
                name="windowEnd"
                label={fieldLabel(t, 'windowEnd')}
                dependencies={['windowStart']}
                rules={[windowEndRule(t)]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {has('regionCode') ? (
            <Col {...half}>
              <Form.Item
                name="regionCode"
                label={fieldLabel(t, 'regionCode')}
                extra={t('lists.help.regionCode')}
                rules={[{ pattern: patterns.regionCode, message: t('rule.regionCode') }]}
              >
                <Input maxLength={6} inputMode="numeric" autoComplete="off" className="cj-mono" />
              </Form.Item>
            </Col>
          ) : null}
          {has('location') ? (
            <Col {...half}>
              <Form.Item name="location" label={fieldLabel(t, 'location')} rules={[maxChars(t, 100)]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {has('majorCodes') ? (
          <Form.Item
            name="majorCodes"
            label={fieldLabel(t, 'majorCodes')}
            extra={t('lists.help.majorCodes')}
            rules={[majorCodesRule(t)]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[...tagSeparators, ' ']}
              aria-label={fieldLabel(t, 'majorCodes')}
              className="cj-mono"
              data-testid="list-item-majors"
            />
          </Form.Item>
        ) : null}
        {has('keyTechnologies') ? (
          <Form.Item
            name="keyTechnologies"
            label={fieldLabel(t, 'keyTechnologies')}
            extra={t('lists.help.words', { n: 20 })}
            rules={[wordsRule(t, 20)]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={tagSeparators}
              aria-label={fieldLabel(t, 'keyTechnologies')}
            />
          </Form.Item>
        ) : null}
        {has('skills') ? (
          <Form.Item
            name="skills"
            label={fieldLabel(t, 'skills')}
            extra={t('lists.help.words', { n: 30 })}
            rules={[wordsRule(t, 30)]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={tagSeparators}
              aria-label={fieldLabel(t, 'skills')}
            />
          </Form.Item>
        ) : null}
        {has('expectedOutcome') ? (
          <Form.Item
            name="expectedOutcome"
            label={fieldLabel(t, 'expectedOutcome')}
            rules={[maxChars(t, 2000)]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
