// Small pieces shared by the postings pages: the status tag, search-term highlighting, the reject dialog.
import { App, Form, Input, Modal, Tag, Tooltip } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { usePostingAction } from './api';
import { talentErrorMessage } from './errors';
import { postingStatusColor, postingStatusLabel } from './labels';
import type { Posting, PostingStatus } from './types';

export function PostingStatusTag({ status, reason }: { status: PostingStatus; reason?: string | null }) {
  const { t } = useI18n();
  const tag = (
    <Tag color={postingStatusColor[status]} data-testid="posting-status" data-status={status}>
      {postingStatusLabel(t, status)}
    </Tag>
  );
  return reason && status === 'rejected' ? (
    <Tooltip title={t('postings.detail.rejectReasonTip', { reason })}>{tag}</Tooltip>
  ) : (
    tag
  );
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]{3,}/u;

/** The terms to mark in a text for query `q`: its pieces, and the 2-character words of long Chinese pieces. */
export function searchTerms(q: string | undefined): string[] {
  const pieces = (q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const terms = new Set<string>();
  for (const p of pieces) {
    terms.add(p);
    // a long Chinese piece is matched word by word by the server: mark its 2-character runs too
    if (CJK_RUN.test(p)) {
      const chars = [...p];
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of `terms` marked. */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  if (terms.length === 0 || !text) return <>{text}</>;
  const lower = text.normalize('NFKC').toLowerCase();
  const marks: boolean[] = new Array<boolean>(text.length).fill(false);
  // the normalised text keeps positions for Chinese and ASCII; other characters are rarely searched
  if (lower.length === text.length) {
    for (const term of terms) {
      let at = lower.indexOf(term);
      while (at >= 0) {
        for (let i = at; i < at + term.length; i++) marks[i] = true;
        at = lower.indexOf(term, at + term.length);
      }
    }
  }
  const out: ReactNode[] = [];
  let i = 0;
  while (i < text.length) {
    const marked = marks[i];
    let j = i;
    while (j < text.length && marks[j] === marked) j++;
    const part = text.slice(i, j);
    out.push(marked ? <mark key={i}>{part}</mark> : part);
    i = j;
  }
  return <>{out}</>;
}

/** Asks the secretariat why a posting is rejected (the enterprise reads it), then rejects it. */
export function RejectDialog({
  consortiumId,
  posting,
  onClose,
}: {
  consortiumId: string;
  posting: Pick<Posting, 'id' | 'title'> | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const act = usePostingAction(consortiumId);
  const openFor = posting?.id ?? null;
  useEffect(() => {
    if (openFor) form.resetFields();
  }, [openFor, form]);

  async function submit() {
    const v = await form.validateFields();
    if (!posting) return;
    try {
      await act.mutateAsync({ id: posting.id, action: 'reject', reason: v.reason.trim() });
      void message.success(t('postings.vet.rejected', { title: posting.title }));
      onClose();
    } catch (err) {
      void message.error(talentErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open={posting !== null}
      title={t('postings.vet.rejectTitle', { title: posting?.title ?? '' })}
      okText={t('postings.action.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="reject">
        <Form.Item
          name="reason"
          label={t('postings.vet.reason')}
          extra={t('postings.vet.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('postings.rule.reasonRequired') },
            { max: 500, message: t('postings.rule.reason') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
