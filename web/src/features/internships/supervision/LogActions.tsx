// What the viewer may do with a log, and the buttons: the host mentor co-signs (an optional note) or
// returns it (a note the student reads, required) — for an external host, which has nobody on the
// platform, school staff record its mentor's co-signature (a note required); the school reviews it (an
// optional note); the student edits a submitted log or resubmits a returned one.
import { CheckOutlined, EditOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../../app/access';
import { useI18n } from '../../../lib/i18n';
import { useLogAction, type LogAction } from './api';
import { supErrorMessage } from './errors';
import type { Log } from './types';

export type LogRights = {
  edit: boolean;
  cosign: boolean;
  /** co-signing records an external host's co-signature (school staff; a note required) */
  cosignOnBehalf: boolean;
  return: boolean;
  review: boolean;
};

/**
 * The viewer's rights on a log, as the server decides them (see logActions in the supervision service):
 * the student their own submitted or returned log of an active placement; the host's staff a submitted
 * log; the school's staff a submitted or co-signed one.
 */
export function useLogRights(): (log: Log) => LogRights {
  const { can, canOnUnit } = useAccess();
  return (log) => {
    const p = log.placement;
    const supervise =
      p.hostKind === 'member' && p.hostUnitId !== null && canOnUnit('internship.supervise', p.hostUnitId);
    const onBehalf =
      p.hostKind === 'external' &&
      canOnUnit('internship.write', p.schoolUnitId) &&
      log.status === 'submitted';
    return {
      edit:
        can('internship.log') &&
        p.status === 'active' &&
        (log.status === 'submitted' || log.status === 'returned'),
      cosign: (supervise && log.status === 'submitted') || onBehalf,
      cosignOnBehalf: onBehalf,
      return: supervise && log.status === 'submitted',
      review:
        canOnUnit('internship.write', p.schoolUnitId) &&
        (log.status === 'submitted' || log.status === 'cosigned'),
    };
  };
}

type Props = {
  consortiumId: string;
  log: Log;
  rights: LogRights;
  /** the student's edit (the caller opens its form) */
  onEdit?: () => void;
  onDone?: () => void;
  size?: 'small' | 'middle';
};

export function LogActions({ consortiumId, log, rights, onEdit, onDone, size = 'small' }: Props) {
  const { t } = useI18n();
  const [acting, setActing] = useState<LogAction | null>(null);
  const period = `${log.periodStart} ~ ${log.periodEnd}`;
  const who = `${log.placement.studentName} ${period}`;
  return (
    <>
      <Flex gap={8} wrap>
        {rights.edit && onEdit ? (
          <Button
            size={size}
            icon={<EditOutlined />}
            onClick={onEdit}
            aria-label={`${log.status === 'returned' ? t('sup.log.resubmit') : t('sup.log.edit')} ${period}`}
            data-testid="log-edit"
          >
            {log.status === 'returned' ? t('sup.log.resubmit') : t('sup.log.edit')}
          </Button>
        ) : null}
        {rights.cosign ? (
          <Button
            size={size}
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setActing('cosign')}
            aria-label={`${t(rights.cosignOnBehalf ? 'sup.action.cosignOnBehalf' : 'sup.action.cosign')} ${who}`}
            data-testid="log-cosign"
          >
            {t(rights.cosignOnBehalf ? 'sup.action.cosignOnBehalf' : 'sup.action.cosign')}
          </Button>
        ) : null}
        {rights.return ? (
          <Button
            size={size}
            danger
            icon={<RollbackOutlined />}
            onClick={() => setActing('return')}
            aria-label={`${t('sup.action.return')} ${who}`}
            data-testid="log-return"
          >
            {t('sup.action.return')}
          </Button>
        ) : null}
        {rights.review ? (
          log.status === 'submitted' ? (
            <Tooltip title={t('sup.action.reviewBeforeCosign')}>
              <Button
                size={size}
                icon={<EyeOutlined />}
                onClick={() => setActing('review')}
                aria-label={`${t('sup.action.review')} ${who}`}
                data-testid="log-review"
              >
                {t('sup.action.review')}
              </Button>
            </Tooltip>
          ) : (
            <Button
              size={size}
              type="primary"
              icon={<EyeOutlined />}
              onClick={() => setActing('review')}
              aria-label={`${t('sup.action.review')} ${who}`}
              data-testid="log-review"
            >
              {t('sup.action.review')}
            </Button>
          )
        ) : null}
      </Flex>
      {acting ? (
        <LogActionModal
          consortiumId={consortiumId}
          log={log}
          action={acting}
          onBehalf={acting === 'cosign' && rights.cosignOnBehalf}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            onDone?.();
          }}
        />
      ) : null}
    </>
  );
}

function LogActionModal({
  consortiumId,
  log,
  action,
  onBehalf,
  onClose,
  onDone,
}: {
  consortiumId: string;
  log: Log;
  action: LogAction;
  onBehalf: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const act = useLogAction(consortiumId);
  const [note, setNote] = useState('');
  const required = action === 'return' || onBehalf;
  const key = onBehalf ? 'cosignOnBehalf' : action;
  const title = t(`sup.action.${key}.title`);
  const noteLabel = t(`sup.action.${key}.note`);

  async function submit() {
    try {
      await act.mutateAsync({ logId: log.id, action, note: note.trim() || undefined });
      void message.success(t(`sup.action.${key}.done`));
      onDone();
    } catch (err) {
      void message.error(supErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t(`sup.action.${key}.ok`)}
      cancelText={t('common.cancel')}
      okButtonProps={{
        danger: action === 'return',
        disabled: required && note.trim().length === 0,
        loading: act.isPending,
      }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {log.placement.studentName} · {log.periodStart} ~ {log.periodEnd}
      </Typography.Paragraph>
      <Typography.Paragraph>{t(`sup.action.${key}.text`)}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={noteLabel} required={required} htmlFor="log-action-note">
          <Input.TextArea
            id="log-action-note"
            rows={3}
            maxLength={1000}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={
              onBehalf
                ? t('sup.action.cosignOnBehalf.placeholder')
                : required
                  ? t('sup.action.return.placeholder')
                  : t('sup.action.notePlaceholder')
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
