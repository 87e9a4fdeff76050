// The student's side of a posting: apply with an optional cover note, or see the application already made.
import { App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useApplication, useApply, useMyCandidate } from '../applications/api';
import { ApplicationStatusTag } from '../applications/labels';
import { talentErrorMessage } from './errors';
import { isOpenPosting } from './labels';
import type { PostingDetail } from './types';

export function ApplyPanel({ consortiumId, posting: p }: { consortiumId: string; posting: PostingDetail }) {
  const { t } = useI18n();
  const me = useMyCandidate(consortiumId, true);
  const mine = useMineStatus(consortiumId, p.myApplicationId);
  const [open, setOpen] = useState(false);
  const noProfile = me.error instanceof ApiError && me.error.code === 'CANDIDATE_NOT_FOUND';
  const isOpen = isOpenPosting(p);
  const withdrawn = mine?.status === 'withdrawn';

  let body;
  if (p.myApplicationId && !withdrawn) {
    body = (
      <>
        <Typography.Paragraph>
          {t('postings.apply.already')} {mine ? <ApplicationStatusTag status={mine.status} /> : null}
        </Typography.Paragraph>
        <Link to={`/applications/${p.myApplicationId}`} data-testid="my-application-link">
          <Button type="primary" block>
            {t('postings.apply.view')}
          </Button>
        </Link>
      </>
    );
  } else if (noProfile) {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('postings.apply.noProfile')}</Typography.Paragraph>
        <Button block disabled>
          {t('postings.apply.button')}
        </Button>
      </>
    );
  } else if (!isOpen) {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('postings.apply.notOpen')}</Typography.Paragraph>
        <Button block disabled>
          {t('postings.apply.button')}
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {withdrawn ? t('postings.apply.withdrawnBefore') : t('postings.apply.help')}
        </Typography.Paragraph>
        <Button
          type="primary"
          block
          onClick={() => setOpen(true)}
          disabled={me.isPending}
          data-testid="apply"
        >
          {withdrawn ? t('postings.apply.again') : t('postings.apply.button')}
        </Button>
      </>
    );
  }

  return (
    <Card title={t('postings.apply.title')} size="small">
      {body}
      <ApplyDialog consortiumId={consortiumId} posting={p} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function useMineStatus(consortiumId: string, id: string | null) {
  const q = useApplication(consortiumId, id ?? '', !!id);
  return id ? q.data : undefined;
}

function ApplyDialog({
  consortiumId,
  posting,
  open,
  onClose,
}: {
  consortiumId: string;
  posting: PostingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ coverNote?: string }>();
  const apply = useApply(consortiumId);

  async function submit() {
    const v = await form.validateFields();
    try {
      const note = v.coverNote?.trim();
      await apply.mutateAsync({ postingId: posting.id, ...(note ? { coverNote: note } : {}) });
      void message.success(t('postings.apply.done', { title: posting.title }));
      onClose();
    } catch (err) {
      void message.error(talentErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={open}
      title={t('postings.apply.dialogTitle', { title: posting.title })}
      okText={t('postings.apply.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={apply.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('postings.apply.shared', { unit: posting.unitName })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="apply">
        <Form.Item
          name="coverNote"
          label={t('postings.apply.coverNote')}
          rules={[{ max: 1000, message: t('postings.rule.coverNote') }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={1000}
            showCount
            placeholder={t('postings.apply.coverNotePlaceholder')}
            data-testid="cover-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
