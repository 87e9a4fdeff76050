import { App, Form, Input, Modal, Select } from 'antd';
import { useConsortium } from '../../app/consortium';
import { consortiumLevels } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { levelLabel } from '../../lib/labels';
import type { ConsortiumLevel } from '../../lib/types';
import { useCreateConsortium } from './api';

type Values = { code: string; name: string; nameEn?: string; regionCode?: string; level: ConsortiumLevel };
const fields = ['code', 'name', 'nameEn', 'regionCode', 'level'] as const;

export function CreateConsortiumModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { setConsortiumId } = useConsortium();
  const [form] = Form.useForm<Values>();
  const create = useCreateConsortium();

  async function submit() {
    const v = await form.validateFields();
    try {
      const c = await create.mutateAsync({
        code: v.code.trim(),
        name: v.name.trim(),
        nameEn: v.nameEn?.trim() || undefined,
        regionCode: v.regionCode?.trim() || undefined,
        level: v.level,
      });
      void message.success(t('consortia.created', { name: c.name }));
      setConsortiumId(c.id);
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, fields)) void message.error(errorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={t('consortia.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<Values> form={form} name="consortium" layout="vertical" initialValues={{ level: 'municipal' }}>
        <Form.Item
          name="code"
          label={t('consortium.code')}
          extra={t('consortia.codeHelp')}
          rules={[
            { required: true, message: t('rule.required') },
            { min: 2, message: t('rule.min2') },
            { max: 48, message: t('rule.max48') },
            { pattern: /^[a-z0-9][a-z0-9-]*$/, message: t('rule.codeChars') },
          ]}
        >
          <Input placeholder="jianglin-nev" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('consortium.name')}
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            { min: 2, message: t('rule.min2') },
            { max: 100, message: t('rule.max100') },
          ]}
        >
          <Input placeholder={t('consortia.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('consortium.nameEn')}
          rules={[{ max: 200, message: t('rule.max200') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('consortium.regionCode')}
          extra={t('consortia.regionHelp')}
          rules={[{ pattern: /^\d{6}$/, message: t('rule.regionCode') }]}
        >
          <Input inputMode="numeric" maxLength={6} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('consortium.level')}
          rules={[{ required: true, message: t('rule.required') }]}
        >
          <Select options={consortiumLevels.map((l) => ({ value: l, label: levelLabel(t, l) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
