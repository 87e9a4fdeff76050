// The profile part of the home page: level, status and its dated history, batch, parks, leading
// industries with their chains, lead and council units, the charter. Holders of consortium.update edit it.
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { EmptyState } from '../../components/States';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  levelColor,
  levelLabel,
  parkKindLabel,
  statusColor,
  statusLabel,
  unitTypeLabel,
} from '../../lib/labels';
import type { ConsortiumSummary, ParkKind, Unit } from '../../lib/types';
import { useConsortiumWrites } from '../consortia/api';
import { IndustriesModal, ParksModal, ProfileModal } from './ProfileEditors';

type Park = ConsortiumSummary['parks'][number];

const charterTypes: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const MAX_CHARTER = 20 * 1024 * 1024;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ConsortiumProfile({ data }: { data: ConsortiumSummary }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const editable = can('consortium.update');
  const { consortium, statusHistory, parks, industries, leadUnits, councilUnits, charter } = data;
  const writes = useConsortiumWrites(consortium.id);
  const [editing, setEditing] = useState<'profile' | 'parks' | 'industries' | null>(null);

  function editButton(what: 'profile' | 'parks' | 'industries', label: string) {
    return editable ? (
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => setEditing(what)}
        data-testid={`edit-${what}`}
      >
        {label}
      </Button>
    ) : null;
  }

  async function uploadCharter(file: File) {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    const contentType = charterTypes[ext];
    if (!contentType) {
      void message.error(t('charter.badType'));
      return;
    }
    if (file.size > MAX_CHARTER) {
      void message.error(t('charter.tooBig'));
      return;
    }
    try {
      await writes.charter.mutateAsync({ file: { blob: file, contentType }, fileName: file.name });
      void message.success(t('charter.uploaded'));
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    }
  }

  function downloadCharter() {
    api
      .download(`/consortia/${consortium.id}/charter`, undefined, charter?.fileName ?? 'charter')
      .catch((err: unknown) => void message.error(errorMessage(t, err, locale)));
  }

  const parkColumns: TableColumnsType<Park> = [
    { title: t('parks.name'), dataIndex: 'name' },
    { title: t('parks.kind'), dataIndex: 'kind', render: (v: ParkKind) => parkKindLabel(t, v) },
    {
      title: t('parks.outputValue'),
      dataIndex: 'outputValue',
      align: 'right',
      render: (v: number | null, p) =>
        v === null ? '—' : `${v.toLocaleString(locale)}${p.outputYear ? ` (${p.outputYear})` : ''}`,
    },
  ];

  const unitList = (units: Unit[]) =>
    units.length === 0 ? (
      <Typography.Text type="secondary">{t('leaders.empty')}</Typography.Text>
    ) : (
      <Flex vertical gap={4}>
        {units.map((u) => (
          <Flex key={u.id} gap={8} align="center" wrap>
            <span>{u.name}</span>
            <Typography.Text type="secondary">{unitTypeLabel(t, u.type)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    );

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card
            title={t('profile.title')}
            extra={editButton('profile', t('profile.edit'))}
            style={{ height: '100%' }}
            data-testid="profile-card"
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('consortium.level')}>
                <Tag color={levelColor[consortium.level]}>{levelLabel(t, consortium.level)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('consortium.status')}>
                <Tag color={statusColor[consortium.status]}>{statusLabel(t, consortium.status)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('profile.batch')}>
                {consortium.batch !== null && consortium.batchYear !== null
                  ? t('profile.batchValue', { n: consortium.batch, year: consortium.batchYear })
                  : t('profile.none')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('profile.history')}
            </Typography.Title>
            {statusHistory.length === 0 ? (
              <Typography.Text type="secondary">{t('profile.none')}</Typography.Text>
            ) : (
              <Timeline
                style={{ marginTop: 12 }}
                data-testid="status-history"
                items={statusHistory.map((h) => ({
                  key: `${h.status}-${h.since}-${h.recordedAt}`,
                  color: statusColor[h.status] === 'default' ? 'gray' : statusColor[h.status],
                  content: (
                    <Flex vertical>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={statusColor[h.status]}>{statusLabel(t, h.status)}</Tag>
                        <span>{t('profile.since', { date: formatDate(h.since, locale) })}</span>
                      </Flex>
                      {h.note ? <Typography.Text type="secondary">{h.note}</Typography.Text> : null}
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('industries.title')}
            extra={editButton('industries', t('industries.edit'))}
            style={{ height: '100%' }}
            data-testid="industries-card"
          >
            {industries.length === 0 ? (
              <EmptyState description={t('industries.empty')} />
            ) : (
              <Flex vertical gap={12}>
                {industries.map((i) => (
                  <div key={i.industryCode}>
                    <Flex gap={8} align="baseline" wrap>
                      <Typography.Text className="cj-mono">{i.industryCode}</Typography.Text>
                      <Typography.Text strong>
                        {i.industryName ?? t('industries.unknownName')}
                      </Typography.Text>
                    </Flex>
                    <Flex gap={4} wrap style={{ marginTop: 4 }}>
                      {i.chains.map((c) => (
                        <Tag key={c} color="blue">
                          {c}
                        </Tag>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('parks.title')}
            extra={editButton('parks', t('parks.edit'))}
            style={{ height: '100%' }}
            data-testid="parks-card"
          >
            <Table<Park>
              size="small"
              rowKey="id"
              pagination={false}
              columns={parkColumns}
              dataSource={parks}
              locale={{ emptyText: t('parks.empty') }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('leaders.title')} style={{ height: '100%' }} data-testid="leaders-card">
            <Typography.Text type="secondary">{t('leaders.lead')}</Typography.Text>
            <div style={{ margin: '4px 0 12px' }}>{unitList(leadUnits)}</div>
            <Typography.Text type="secondary">{t('leaders.council')}</Typography.Text>
            <div style={{ marginTop: 4 }}>{unitList(councilUnits)}</div>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('charter.title')} data-testid="charter-card">
            <Flex gap={12} align="center" wrap>
              {charter ? (
                <>
                  <Typography.Text strong>{charter.fileName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('charter.meta', {
                      size: fileSize(charter.size),
                      date: formatDate(charter.uploadedAt, locale),
                    })}
                  </Typography.Text>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={downloadCharter}
                    data-testid="charter-download"
                  >
                    {t('charter.download')}
                  </Button>
                </>
              ) : (
                <Typography.Text type="secondary">{t('charter.none')}</Typography.Text>
              )}
              {editable ? (
                <Upload
                  accept=".pdf,.doc,.docx,.png,.jpg,.jpeg"
                  showUploadList={false}
                  beforeUpload={(f) => {
                    void uploadCharter(f);
                    return false;
                  }}
                >
                  <Button
                    icon={<UploadOutlined />}
                    loading={writes.charter.isPending}
                    data-testid="charter-upload"
                  >
                    {charter ? t('charter.replace') : t('charter.upload')}
                  </Button>
                </Upload>
              ) : null}
              {editable ? <Typography.Text type="secondary">{t('charter.help')}</Typography.Text> : null}
            </Flex>
          </Card>
        </Col>
      </Row>
      {editable ? (
        <>
          <ProfileModal
            open={editing === 'profile'}
            onClose={() => setEditing(null)}
            consortium={consortium}
            mutation={writes.update}
          />
          <ParksModal
            open={editing === 'parks'}
            onClose={() => setEditing(null)}
            parks={parks}
            mutation={writes.parks}
          />
          <IndustriesModal
            open={editing === 'industries'}
            onClose={() => setEditing(null)}
            industries={industries}
            mutation={writes.industries}
          />
        </>
      ) : null}
    </>
  );
}
