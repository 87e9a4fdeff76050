// The secretariat adjusts a rule here: its parameters (within their bounds) and its severity, with the
// reason recorded; a locked severity is shown but cannot change. Open placements are evaluated again.
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n';
import { useSaveRule } from './api';
import { applyInternFieldErrors, internErrorMessage } from './errors';
import { CertaintyTag, SourceText } from './Findings';
import { ruleSeverities, severityLabel } from './labels';
import type { Rule, RuleParam, RuleSeverity } from './types';

/** A ratio parameter (0–1, not whole) shows as a percentage. */
const isRatio = (p: RuleParam) => !p.integer && p.max <= 1;

export function formatParam(p: RuleParam, v: number): string {
  return isRatio(p) ? `${Math.round(v * 1000) / 10}%` : String(v);
}

type Values = { params: Record<string, number | null>; severity: RuleSeverity; note: string };

type Props = { consortiumId: string; rule: Rule | null; onClose: () => void };

export function RuleEditModal({ consortiumId, rule, onClose }: Props) {
  const { t, locale, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRule(consortiumId);

  useEffect(() => {
    if (!rule) return;
    form.resetFields();
    form.setFieldsValue({
      params: Object.fromEntries(
        rule.params.map((p) => [p.key, isRatio(p) ? Math.round(p.value * 10000) / 100 : p.value]),
      ),
      severity: rule.severity,
      note: '',
    });
  }, [rule, form]);

  async function onOk() {
    if (!rule) return;
    const v = await form.validateFields();
    const params = Object.fromEntries(
      rule.params.map((p) => {
        const raw = v.params[p.key] ?? p.value;
        return [p.key, isRatio(p) ? Math.round(raw * 100) / 10000 : raw];
      }),
    );
    try {
      await save.mutateAsync({ id: rule.id, body: { params, severity: v.severity, note: v.note.trim() } });
      void message.success(t('intern.rules.saved', { id: rule.id }));
      onClose();
    } catch (err) {
      const rest = applyInternFieldErrors(form, err, t, ['note', 'severity']);
      if (rest === null || rest.length) void message.error(internErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={!!rule}
      title={rule ? t('intern.rules.editTitle', { id: rule.id }) : ''}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={640}
      forceRender
    >
      {rule ? (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {pick(rule.titleZh, rule.titleEn)}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <CertaintyTag certainty={rule.certainty} /> <SourceText source={rule.source} />
          </Typography.Paragraph>
          {rule.certainty !== 'V' ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('intern.rules.unverifiedHint')}
            />
          ) : null}
        </>
      ) : null}
      <Form<Values> form={form} layout="vertical" name="rule-setting">
        {rule?.params.map((p) => (
          <Form.Item
            key={p.key}
            name={['params', p.key]}
            label={pick(p.labelZh, p.labelEn)}
            extra={t('intern.rules.paramRange', {
              min: formatParam(p, p.min),
              max: formatParam(p, p.max),
              def: formatParam(p, p.default),
            })}
            rules={[{ required: true, message: t('intern.rule.required') }]}
          >
            <InputNumber
              min={isRatio(p) ? p.min * 100 : p.min}
              max={isRatio(p) ? p.max * 100 : p.max}
              precision={p.integer ? 0 : 2}
              suffix={isRatio(p) ? '%' : undefined}
              style={{ width: 200 }}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="severity"
          label={t('intern.rules.col.severity')}
          extra={rule?.severityLocked ? t('intern.rules.lockedWhy') : undefined}
        >
          <Radio.Group
            disabled={rule?.severityLocked}
            options={ruleSeverities.map((s) => ({
              value: s,
              label: rule?.severityLocked ? (
                <Tooltip title={t('intern.rules.lockedWhy')}>{severityLabel(t, s)}</Tooltip>
              ) : (
                severityLabel(t, s)
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('intern.rules.note')}
          rules={[
            { required: true, whitespace: true, message: t('intern.rules.noteRequired') },
            { min: 2, message: t('intern.rules.noteRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('intern.rules.notePlaceholder')} />
        </Form.Item>
        <Typography.Text type="secondary">{t('intern.rules.reevaluate')}</Typography.Text>
      </Form>
    </Modal>
  );
}
