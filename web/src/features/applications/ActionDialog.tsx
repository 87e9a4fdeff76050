// Moving an application on: one dialog for every action, asking what it needs (an interview needs its
// time and place) and an optional note that the other side reads in the history and the notification.
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { applyTalentFieldErrors, talentErrorMessage } from '../postings/errors';
import { useApplicationAction } from './api';
import { applicationActionLabel } from './labels';
import type { Application, ApplicationAction } from './types';

type Target = { application: Pick<Application, 'id' | 'posting' | 'candidate'>; action: ApplicationAction };
type Values = { note?: string; interviewAt?: Dayjs | null; interviewPlace?: string };

const destructive: ApplicationAction[] = ['reject', 'withdraw', 'decline'];

/** The dialog and a function that opens it for an application and an action. */
export function useActionDialog(consortiumId: string) {
  const [target, setTarget] = useState<Target | null>(null);
  const dialog = <ActionDialog consortiumId={consortiumId} target={target} onClose={() => setTarget(null)} />;
  return {
    open: (application: Target['application'], action: ApplicationAction) =>
      setTarget({ application, action }),
    dialog,
  };
}

function ActionDialog({
  consortiumId,
  target,
  onClose,
}: {
  consortiumId: string;
  target: Target | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useApplicationAction(consortiumId);
  const action = target?.action;
  const danger = action ? destructive.includes(action) : false;

  async function submit() {
    if (!target) return;
    const v = await form.validateFields();
    try {
      const note = v.note?.trim();
      const place = v.interviewPlace?.trim();
      await act.mutateAsync({
        id: target.application.id,
        action: target.action,
        ...(note ? { note } : {}),
        ...(target.action === 'interview' && v.interviewAt
          ? { interviewAt: v.interviewAt.toISOString(), ...(place ? { interviewPlace: place } : {}) }
          : {}),
      });
      void message.success(t(`applications.done.${target.action}`));
      onClose();
    } catch (err) {
      if (!applyTalentFieldErrors(form, err, t, ['note', 'interviewAt', 'interviewPlace']))
        void message.error(talentErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={target !== null}
      title={
        action && target
          ? t('applications.dialog.title', {
              action: applicationActionLabel(t, action),
              name: target.application.candidate.name,
              posting: target.application.posting.title,
            })
          : ''
      }
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={danger}
          loading={act.isPending}
          onClick={() => void submit().catch(() => undefined)}
          data-testid="action-confirm"
        >
          {action ? applicationActionLabel(t, action) : ''}
        </Button>,
      ]}
    >
      {action ? (
        <Typography.Paragraph type="secondary">
          {t(`applications.dialog.help.${action}`)}
        </Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} layout="vertical" name="application-action">
        {action === 'interview' ? (
          <>
            <Form.Item
              name="interviewAt"
              label={t('applications.field.interviewAt')}
              rules={[
                { required: true, message: t('applications.rule.interviewAt') },
                {
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    if (v && v.isBefore(dayjs())) throw new Error(t('applications.rule.interviewFuture'));
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                style={{ width: '100%' }}
                data-testid="interview-at"
              />
            </Form.Item>
            <Form.Item
              name="interviewPlace"
              label={t('applications.field.interviewPlace')}
              rules={[{ max: 200, message: t('rule.max200') }]}
            >
              <Input
                maxLength={200}
                placeholder={t('applications.dialog.placePlaceholder')}
                data-testid="interview-place"
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="note"
          label={t('applications.field.note')}
          rules={[{ max: 500, message: t('applications.rule.note') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
