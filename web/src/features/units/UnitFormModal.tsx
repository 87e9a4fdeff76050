// Add or edit a member unit. Its standing (type, role in the consortium, joining and leaving dates) is the
// secretariat's to set (unit.create); a unit administrator edits the profile of their own unit only.
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useAccess } from '../../app/access';
import { unitRoles, unitTypes } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { unitRoleLabel, unitTypeLabel } from '../../lib/labels';
import type { CreateUnitInput, Unit, UnitRole, UnitType, UpdateUnitInput } from '../../lib/types';
import { useCreateUnit, useUpdateUnit } from './api';
import {
  countRules,
  hasEnrolment,
  hasIndustry,
  industryRule,
  regionRule,
  requiresUscc,
  usccRule,
} from './unitRules';

type Values = {
  name: string;
  type: UnitType;
  role: UnitRole;
  uscc?: string;
  regionCode?: string;
  industryCode?: string;
  joinedOn?: Dayjs | null;
  leftOn?: Dayjs | null;
  employeeCount?: number | null;
  employeeCountAsOf?: Dayjs | null;
  enrolment?: number | null;
  enrolmentAsOf?: Dayjs | null;
};
const fields = [
  'name',
  'type',
  'role',
  'uscc',
  'regionCode',
  'industryCode',
  'joinedOn',
  'leftOn',
  'employeeCount',
  'employeeCountAsOf',
  'enrolment',
  'enrolmentAsOf',
] as const;

const DAY = 'YYYY-MM-DD';
const day = (v: string | null) => (v ? dayjs(v) : null);
const text = (v: string | undefined) => v?.trim() || null;
const date = (v: Dayjs | null | undefined) => (v ? v.format(DAY) : null);
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);

/** The unit as the API takes it, from the form's values (null: empty). */
function toInput(v: Values, type: UnitType) {
  return {
    name: v.name.trim(),
    uscc: text(v.uscc)?.toUpperCase() ?? null,
    regionCode: text(v.regionCode),
    industryCode: hasIndustry(type) ? (text(v.industryCode)?.toUpperCase() ?? null) : null,
    employeeCount: num(v.employeeCount),
    employeeCountAsOf: num(v.employeeCount) === null ? null : date(v.employeeCountAsOf),
    enrolment: hasEnrolment(type) ? num(v.enrolment) : null,
    enrolmentAsOf: hasEnrolment(type) && num(v.enrolment) !== null ? date(v.enrolmentAsOf) : null,
    joinedOn: date(v.joinedOn),
    leftOn: date(v.leftOn),
  };
}

type Props = { consortiumId: string; unit: Unit | null; open: boolean; onClose: () => void };

export function UnitFormModal({ consortiumId, unit, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit(consortiumId);
  const update = useUpdateUnit(consortiumId);
  const classify = can('unit.create');
  const type = Form.useWatch('type', form);
  const employeeCount = Form.useWatch('employeeCount', form);
  const enrolment = Form.useWatch('enrolment', form);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      unit
        ? {
            name: unit.name,
            type: unit.type,
            role: unit.role,
            uscc: unit.uscc ?? '',
            regionCode: unit.regionCode ?? '',
            industryCode: unit.industryCode ?? '',
            joinedOn: day(unit.joinedOn),
            leftOn: day(unit.leftOn),
            employeeCount: unit.employeeCount,
            employeeCountAsOf: day(unit.employeeCountAsOf),
            enrolment: unit.enrolment,
            enrolmentAsOf: day(unit.enrolmentAsOf),
          }
        : { role: 'member' },
    );
  }, [open, unit, form]);

  async function submit() {
    const v = await form.validateFields();
    const input = toInput(v, v.type);
    try {
      if (unit) {
        const patch: UpdateUnitInput = {};
        const before: Record<string, unknown> = unit;
        const standing = new Set(['joinedOn', 'leftOn']);
        for (const [k, value] of Object.entries(input) as [keyof typeof input, string | number | null][]) {
          if (standing.has(k) && !classify) continue;
          if (value !== before[k]) Object.assign(patch, { [k]: value });
        }
        if (classify && v.type !== unit.type) patch.type = v.type;
        if (classify && v.role !== unit.role) patch.role = v.role;
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        await update.mutateAsync({ id: unit.id, patch });
        void message.success(t('units.saved'));
      } else {
        const body: CreateUnitInput = { type: v.type, role: v.role, name: input.name };
        for (const [k, value] of Object.entries(input)) {
          if (value !== null && k !== 'name') Object.assign(body, { [k]: value });
        }
        await create.mutateAsync(body);
        void message.success(t('units.created', { name: input.name }));
      }
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, fields)) void message.error(errorMessage(t, err, locale));
    }
  }

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      width={720}
      title={unit ? t('units.edit') : t('units.create')}
      okText={unit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="unit">
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            { min: 2, message: t('rule.min2') },
            { max: 100, message: t('rule.max100') },
          ]}
        >
          <Input placeholder={t('units.namePlaceholder')} data-testid="unit-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="type"
              label={t('units.type')}
              rules={[{ required: true, message: t('rule.required') }]}
            >
              <Select
                disabled={!classify}
                placeholder={t('common.select')}
                options={unitTypes.map((v) => ({ value: v, label: unitTypeLabel(t, v) }))}
                data-testid="unit-type"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="role"
              label={t('units.role')}
              rules={[{ required: true, message: t('rule.required') }]}
            >
              <Select
                disabled={!classify}
                options={unitRoles.map((v) => ({ value: v, label: unitRoleLabel(t, v) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="joinedOn" label={t('units.joinedOn')}>
              <DatePicker disabled={!classify} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="leftOn"
              label={t('units.leftOn')}
              dependencies={['joinedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    const joined = getFieldValue('joinedOn') as Dayjs | null | undefined;
                    if (v && joined && v.isBefore(joined, 'day')) throw new Error(t('rule.leftBeforeJoined'));
                  },
                }),
              ]}
            >
              <DatePicker disabled={!classify} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {classify ? null : (
          <div style={{ marginTop: -12, marginBottom: 12, color: '#8c8c8c' }}>{t('units.classifyHelp')}</div>
        )}
        <Divider titlePlacement="start" plain>
          {t('units.profile')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="uscc"
              label={t('units.uscc')}
              extra={t('units.usccHelp')}
              rules={[
                { required: requiresUscc(type ?? ''), message: t('rule.usccRequired') },
                usccRule(locale),
              ]}
            >
              <Input maxLength={18} autoComplete="off" className="cj-mono" data-testid="unit-uscc" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('units.regionCode')} rules={[regionRule(locale)]}>
              <Input maxLength={6} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          {hasIndustry(type) ? (
            <Col {...half}>
              <Form.Item
                name="industryCode"
                label={t('units.industryCode')}
                extra={t('units.industryHelp')}
                rules={[industryRule(t)]}
              >
                <Input maxLength={4} autoComplete="off" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="employeeCount" label={t('units.employeeCount')} rules={countRules(t)}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="employeeCountAsOf"
              label={t('units.asOf')}
              rules={[{ required: typeof employeeCount === 'number', message: t('rule.asOfRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} disabled={typeof employeeCount !== 'number'} />
            </Form.Item>
          </Col>
          {hasEnrolment(type) ? (
            <>
              <Col {...half}>
                <Form.Item name="enrolment" label={t('units.enrolment')} rules={countRules(t)}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="enrolmentAsOf"
                  label={t('units.asOf')}
                  rules={[{ required: typeof enrolment === 'number', message: t('rule.asOfRequired') }]}
                >
                  <DatePicker style={{ width: '100%' }} disabled={typeof enrolment !== 'number'} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
