// What answers an item: postings (opened at /postings/:id), programmes, technology contracts, anything
// else; those who may edit the item add and remove links.
import { DeleteOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, Input, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { usePostingOptions, useAddLink, useRemoveLink } from './api';
import { linkKindColor, linkKindLabel } from './labels';
import {
  linkTargetKinds,
  type LinkTargetKind,
  type ListItemDetail,
  type ListKind,
  type ListLink,
} from './types';

const defaultTarget: Record<ListKind, LinkTargetKind> = {
  product: 'other',
  tech: 'tech_contract',
  talent: 'posting',
};

type Values = { targetKind: LinkTargetKind; targetId?: string; label?: string };

export function LinksPanel({ consortiumId, item }: { consortiumId: string; item: ListItemDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const remove = useRemoveLink(consortiumId);
  const [adding, setAdding] = useState(false);
  const mayEdit = item.canEdit || item.canReview;

  async function removeLink(l: ListLink) {
    try {
      await remove.mutateAsync({ id: item.id, linkId: l.id });
      void message.success(t('lists.linkRemoved', { label: l.label }));
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    }
  }

  const columns: TableColumnsType<ListLink> = [
    {
      title: t('lists.linkKind'),
      dataIndex: 'targetKind',
      width: 130,
      render: (k: LinkTargetKind) => <Tag color={linkKindColor[k]}>{linkKindLabel(t, k)}</Tag>,
    },
    {
      title: t('lists.linkLabel'),
      dataIndex: 'label',
      render: (label: string, l) =>
        l.targetKind === 'posting' ? (
          <Link to={`/postings/${l.targetId}`}>
            <LinkOutlined /> {label}
          </Link>
        ) : (
          <Flex vertical>
            <span>{label}</span>
            <Typography.Text type="secondary" className="cj-mono" copyable={{ text: l.targetId }}>
              {l.targetId}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('lists.linkedAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (v: string) => <span title={formatDateTime(v, locale)}>{formatDate(v, locale)}</span>,
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, l) => (
        <Popconfirm
          title={t('lists.linkRemoveConfirm', { label: l.label })}
          okText={t('common.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => removeLink(l)}
        >
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('common.remove')} ${l.label}`}
          >
            {t('common.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Flex vertical gap={12} data-testid="list-item-links">
      <Typography.Text type="secondary">{t(`lists.linksHelp.${item.kind}`)}</Typography.Text>
      <Table<ListLink>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={item.links}
        pagination={item.links.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: item.status === 'published' ? t('lists.noLinksAwaiting') : t('lists.noLinks') }}
      />
      {mayEdit ? (
        adding ? (
          <AddLinkForm consortiumId={consortiumId} item={item} onDone={() => setAdding(false)} />
        ) : (
          <div>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="link-add">
              {t('lists.linkAdd')}
            </Button>
          </div>
        )
      ) : (
        <Typography.Text type="secondary">{t('lists.linksNoRight')}</Typography.Text>
      )}
    </Flex>
  );
}

function AddLinkForm({
  consortiumId,
  item,
  onDone,
}: {
  consortiumId: string;
  item: ListItemDetail;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const add = useAddLink(consortiumId);
  const targetKind = Form.useWatch('targetKind', form) ?? defaultTarget[item.kind];
  const pickPosting = targetKind === 'posting' && can('posting.read');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const postings = usePostingOptions(consortiumId, q, item.unitId, pickPosting);
  const linked = new Set(item.links.filter((l) => l.targetKind === 'posting').map((l) => l.targetId));
  const postingOptions = (postings.data?.items ?? [])
    .filter((p) => !linked.has(p.id))
    .map((p) => ({
      value: p.id,
      label: t('lists.postingOption', { title: p.title, deadline: p.deadline }),
      title: p.title,
    }));

  async function submit(v: Values) {
    try {
      await add.mutateAsync({
        id: item.id,
        link: {
          targetKind: v.targetKind,
          targetId: (v.targetId ?? '').trim(),
          label: (v.label ?? '').trim(),
        },
      });
      void message.success(t('lists.linkAdded'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        form.setFields([{ name: 'targetId', errors: [t('lists.linkExists')] }]);
        return;
      }
      if (err instanceof ApiError && err.issues.length) {
        const fields = ['targetKind', 'targetId', 'label'];
        const errs = err.issues
          .map((i) => ({ name: i.path.replace(/^body\./, ''), errors: [t('lists.rule.linkField')] }))
          .filter((e) => fields.includes(e.name));
        if (errs.length) {
          form.setFields(errs.map((e) => ({ name: e.name as keyof Values, errors: e.errors })));
          return;
        }
      }
      void message.error(errorMessage(t, err, locale));
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="list-link"
      initialValues={{ targetKind: defaultTarget[item.kind] }}
      onFinish={(v) => void submit(v)}
      style={{ padding: 12, border: '1px dashed #d9d9d9', borderRadius: 8 }}
      data-testid="link-form"
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="targetKind"
            label={t('lists.linkKind')}
            rules={[{ required: true, message: t('rule.required') }]}
          >
            <Select
              options={linkTargetKinds.map((k) => ({ value: k, label: linkKindLabel(t, k) }))}
              onChange={() => form.setFieldsValue({ targetId: undefined, label: undefined })}
              data-testid="link-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          {pickPosting ? (
            <Form.Item
              name="targetId"
              label={t('lists.linkPosting')}
              extra={t('lists.linkPostingHelp', { unit: item.unitName })}
              rules={[{ required: true, message: t('lists.rule.linkPosting') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder={t('lists.linkPostingSearch')}
                loading={postings.isFetching}
                options={postingOptions}
                notFoundContent={postings.isFetching ? t('common.loading') : t('lists.noPostings')}
                onChange={(id: string) => {
                  const p = postingOptions.find((o) => o.value === id);
                  form.setFieldsValue({ label: p?.title });
                }}
                aria-label={t('lists.linkPosting')}
                data-testid="link-posting"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="targetId"
              label={t('lists.linkTargetId')}
              extra={t(`lists.linkTargetHelp.${targetKind}`)}
              rules={[
                { required: true, whitespace: true, message: t('lists.rule.linkTargetId') },
                { max: 100, message: t('lists.rule.maxChars', { n: 100 }) },
              ]}
            >
              <Input maxLength={100} autoComplete="off" data-testid="link-target-id" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item
        name="label"
        label={t('lists.linkLabel')}
        rules={[
          { required: true, whitespace: true, message: t('lists.rule.linkLabel') },
          { max: 200, message: t('lists.rule.maxChars', { n: 200 }) },
        ]}
      >
        <Input maxLength={200} data-testid="link-label" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="link-submit">
          {t('lists.linkSubmit')}
        </Button>
      </Flex>
    </Form>
  );
}
