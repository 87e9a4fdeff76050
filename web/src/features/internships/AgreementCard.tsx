// 三方协议: the version in force (or an earlier one), its hash, each party's confirmation or 待确认, a
// confirm button for the party the viewer may confirm as (an external host's confirmation is recorded by
// the school with a note on the signed paper), the PDF, and the earlier versions.
import { CheckCircleOutlined, ClockCircleOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { agreementPdfUrl, useAgreement, useConfirmAgreement } from './api';
import { internErrorMessage } from './errors';
import { agreementParties, partyLabel } from './labels';
import type { Agreement, AgreementParty } from './types';

type Props = { consortiumId: string; placementId: string };

export function AgreementCard({ consortiumId, placementId }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [version, setVersion] = useState<number | null>(null);
  const agreement = useAgreement(consortiumId, placementId, version);
  const confirm = useConfirmAgreement(consortiumId, placementId);
  const [onBehalf, setOnBehalf] = useState(false);
  const [note, setNote] = useState('');

  async function onConfirm(a: Agreement, party: AgreementParty, onBehalfNote?: string) {
    try {
      await confirm.mutateAsync({ party, contentHash: a.contentHash, onBehalfNote });
      void message.success(t('intern.agreement.confirmed', { party: partyLabel(t, party), v: a.version }));
      setOnBehalf(false);
      setNote('');
    } catch (err) {
      void message.error(internErrorMessage(t, err, locale));
      if (err instanceof ApiError && err.code === 'CONFLICT') void agreement.refetch();
    }
  }

  const title = t('intern.agreement.title');
  if (agreement.isLoading) return <Card title={title} loading />;
  if (agreement.isError) {
    const none = agreement.error instanceof ApiError && agreement.error.code === 'NOT_FOUND';
    return (
      <Card title={title} data-testid="agreement">
        {none ? (
          <Typography.Text type="secondary">{t('intern.agreement.none')}</Typography.Text>
        ) : (
          <Alert type="error" showIcon title={internErrorMessage(t, agreement.error, locale)} />
        )}
      </Card>
    );
  }
  const a = agreement.data!;
  const external = a.content.parties.host.kind === 'external';
  const names: Record<AgreementParty, string> = {
    school: a.content.parties.school.name,
    host: a.content.parties.host.name,
    student: a.content.parties.student.name,
  };

  const confirmButton = (party: AgreementParty) => {
    if (!a.current || !a.canConfirmAs.includes(party)) return null;
    const label = t('intern.agreement.confirmAs', { party: partyLabel(t, party) });
    if (party === 'host' && external) {
      return (
        <Button
          size="small"
          type="primary"
          onClick={() => setOnBehalf(true)}
          data-testid="agreement-confirm-host"
        >
          {t('intern.agreement.confirmOnBehalf')}
        </Button>
      );
    }
    return (
      <Popconfirm
        title={t('intern.agreement.confirmTitle', { v: a.version })}
        description={t('intern.agreement.confirmText', { hash: a.contentHash.slice(0, 12) })}
        okText={t('intern.agreement.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => onConfirm(a, party)}
      >
        <Button
          size="small"
          type="primary"
          loading={confirm.isPending}
          data-testid={`agreement-confirm-${party}`}
        >
          {label}
        </Button>
      </Popconfirm>
    );
  };

  return (
    <Card
      title={title}
      data-testid="agreement"
      extra={
        <a
          href={agreementPdfUrl(consortiumId, placementId, version ?? undefined)}
          target="_blank"
          rel="noreferrer"
          data-testid="agreement-pdf"
        >
          <FilePdfOutlined /> {t('intern.agreement.pdf')}
        </a>
      }
    >
      {!a.current ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('intern.agreement.earlier', { v: a.version })}
          action={
            <Button size="small" onClick={() => setVersion(null)}>
              {t('intern.agreement.backToCurrent')}
            </Button>
          }
        />
      ) : a.complete ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('intern.agreement.complete')}
          data-testid="agreement-complete"
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'v',
            label: t('intern.agreement.version'),
            children: <span data-testid="agreement-version">{a.version}</span>,
          },
          {
            key: 'hash',
            label: t('intern.agreement.hash'),
            children: (
              <Typography.Text className="cj-mono" copyable={{ text: a.contentHash }}>
                {a.contentHash.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          {
            key: 'at',
            label: t('intern.agreement.generatedAt'),
            children: formatDateTime(a.generatedAt, locale),
          },
        ]}
      />
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={[...agreementParties]}
        renderItem={(party) => {
          const c = a.confirmations.find((x) => x.party === party);
          return (
            <List.Item data-testid={`agreement-party-${party}`} extra={c ? null : confirmButton(party)}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{partyLabel(t, party)}</span>
                    <Typography.Text type="secondary">{names[party]}</Typography.Text>
                  </Space>
                }
                description={
                  c ? (
                    <Flex vertical>
                      <span>
                        <CheckCircleOutlined style={{ color: '#52c41a' }} />{' '}
                        {t('intern.agreement.confirmedBy', {
                          name: c.userName,
                          at: formatDateTime(c.confirmedAt, locale),
                        })}
                      </span>
                      {c.onBehalfNote ? (
                        <Typography.Text type="secondary">
                          {t('intern.agreement.onBehalfNoteShown', { note: c.onBehalfNote })}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  ) : (
                    <Tag icon={<ClockCircleOutlined />} color="gold" data-testid="agreement-pending">
                      {t('intern.agreement.pending')}
                    </Tag>
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'terms',
            label: t('intern.agreement.terms'),
            children: (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'period',
                    label: t('intern.col.period'),
                    children: `${a.content.period.start} ~ ${a.content.period.end}（${t('intern.agreement.days', { n: a.content.period.days })}）`,
                  },
                  {
                    key: 'work',
                    label: t('intern.col.post'),
                    children: `${a.content.work.postTitle} · ${a.content.place.venueTypeLabel}${a.content.place.address ? ` · ${a.content.place.address}` : ''}`,
                  },
                  { key: 'hours', label: t('intern.agreement.hours'), children: a.content.hours.clause },
                  { key: 'pay', label: t('intern.agreement.pay'), children: a.content.pay.clause },
                  { key: 'fees', label: t('intern.agreement.fees'), children: a.content.pay.feesClause },
                  {
                    key: 'ins',
                    label: t('intern.agreement.insurance'),
                    children: a.content.insurance.clause,
                  },
                  { key: 'safety', label: t('intern.agreement.safety'), children: a.content.safety.clause },
                  {
                    key: 'assess',
                    label: t('intern.agreement.assessment'),
                    children: a.content.assessment.clause,
                  },
                  { key: 'breach', label: t('intern.agreement.breach'), children: a.content.breach.clause },
                  { key: 'effect', label: t('intern.agreement.effect'), children: a.content.effect.clause },
                ]}
              />
            ),
          },
        ]}
      />
      {a.versions.length > 1 ? (
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('intern.agreement.versions')}</Typography.Text>
          {[...a.versions].reverse().map((v) => (
            <Button
              key={v}
              size="small"
              type={v === a.version ? 'primary' : 'default'}
              onClick={() => setVersion(v === a.versions[a.versions.length - 1] ? null : v)}
              aria-label={t('intern.agreement.viewVersion', { v })}
            >
              v{v}
            </Button>
          ))}
        </Flex>
      ) : null}
      <Modal
        open={onBehalf}
        title={t('intern.agreement.onBehalfTitle', { name: names.host })}
        onCancel={() => setOnBehalf(false)}
        okText={t('intern.agreement.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: note.trim().length < 4, loading: confirm.isPending }}
        onOk={() => void onConfirm(a, 'host', note.trim())}
      >
        <Typography.Paragraph>{t('intern.agreement.onBehalfHelp')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item
            label={t('intern.agreement.onBehalfNote')}
            required
            extra={t('intern.agreement.onBehalfMin')}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('intern.agreement.onBehalfPlaceholder')}
              aria-label={t('intern.agreement.onBehalfNote')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
