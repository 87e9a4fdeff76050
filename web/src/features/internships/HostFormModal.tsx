// Register or edit a host outside the consortium (with its USCC). A new employee count re-evaluates the
// ratio caps of the host's open placements.
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n';
import { applyFieldErrors } from '../../lib/forms';
import { usccRule } from '../units/unitRules';
import { useSaveHost } from './api';
import { internErrorMessage } from './errors';
import type { Host } from './types';

type Values = {
  name: string;
  uscc: string;
  employeeCount?: number | null;
  employeeCountAsOf?: Dayjs | null;
  regionCode?: string;
  contactName?: string;
  contactPhone?: string;
};
const fields = [
  'name',
  'uscc',
  'employeeCount',
  'employeeCountAsOf',
  'regionCode',
  'contactName',
  'contactPhone',
];

type Props = {
  consortiumId: string;
  open: boolean;
  host: Host | null;
  onClose: () => void;
  onSaved?: (host: Host) => void;
};

export function HostFormModal({ consortiumId, open, host, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveHost(consortiumId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (host)
      form.setFieldsValue({
        name: host.name,
        uscc: host.uscc,
        employeeCount: host.employeeCount,
        employeeCountAsOf: host.employeeCountAsOf ? dayjs(host.employeeCountAsOf) : null,
        regionCode: host.regionCode ?? '',
        contactName: host.contactName ?? '',
        contactPhone: host.contactPhone ?? '',
      });
  }, [open, host, form]);

  async function onOk() {
    const v = await form.validateFields();
    try {
      const saved = await save.mutateAsync({
        id: host?.id ?? null,
        body: {
          name: v.name.trim(),
          uscc: v.uscc.trim().toUpperCase(),
          employeeCount: v.employeeCount ?? null,
          employeeCountAsOf: v.employeeCountAsOf ? v.employeeCountAsOf.format('YYYY-MM-DD') : null,
          regionCode: v.regionCode?.trim() || null,
          contactName: v.contactName?.trim() || null,
          contactPhone: v.contactPhone?.trim() || null,
        },
      });
      void message.success(host ? t('intern.host.saved') : t('intern.host.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, fields)) void message.error(internErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={host ? t('intern.host.editTitle') : t('intern.host.createTitle')}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={640}
      forceRender
      destroyOnHidden={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={host ? t('intern.host.employeesReevaluate') : t('intern.host.whyEmployees')}
      />
      <Form<Values> form={form} layout="vertical" name="internship-host">
        <Form.Item
          name="name"
          label={t('intern.host.name')}
          rules={[{ required: true, whitespace: true, message: t('intern.rule.required') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('intern.host.uscc')}
          rules={[{ required: true, message: t('intern.rule.required') }, usccRule(locale)]}
        >
          <Input maxLength={18} className="cj-mono" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="employeeCount"
              label={t('intern.host.employees')}
              extra={t('intern.host.employeesHelp')}
              rules={[{ type: 'integer', min: 1, max: 10_000_000, message: t('intern.rule.count') }]}
            >
              <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="employeeCountAsOf"
              label={t('intern.host.asOf')}
              dependencies={['employeeCount']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    if (typeof getFieldValue('employeeCount') === 'number' && !v)
                      throw new Error(t('intern.rule.asOf'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('intern.host.contactName')} rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={t('intern.host.contactPhone')} rules={[{ max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionCode"
              label={t('intern.host.region')}
              rules={[{ pattern: /^\d{6}$/, message: t('rule.regionCode') }]}
            >
              <Input maxLength={6} className="cj-mono" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
