// The student's log form: the period (by default from the day after the last log to today, at most
// twice the plan's cadence long), what was done and learnt (30–5000 characters), and up to five work
// artefacts (photos, PDF, office documents; 5 MB each) sent in base64. Also edits a submitted log and
// resubmits a returned one (files kept, removed or added).
import { DeleteOutlined, PaperClipOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useEditLog, useSubmitLog } from './api';
import { applySupFieldErrors, supErrorMessage, supIssueMessage } from './errors';
import {
  acceptedFiles,
  addDays,
  chinaToday,
  contentTypeOf,
  formatSize,
  LOG_MAX_CHARS,
  LOG_MIN_CHARS,
  MAX_LOG_FILE_BYTES,
  MAX_LOG_FILES,
  readBase64,
  spanDays,
} from './labels';
import type { Log, LogFileInput } from './types';

type Values = { periodStart: Dayjs | null; periodEnd: Dayjs | null; content: string };

type Props = {
  consortiumId: string;
  placement: { id: string; startDate: string; endDate: string };
  /** the end of the placement's latest log (the new period starts the day after) */
  lastEnd: string | null;
  /** the plan's cadence, when the viewer may read the plan */
  cadenceDays: number | null;
  /** the log to edit (submitted) or resubmit (returned); null: a new log */
  log: Log | null;
  onClose: () => void;
};

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The period a new log covers by default. */
export function defaultPeriod(
  placement: { startDate: string; endDate: string },
  lastEnd: string | null,
  cadenceDays: number | null,
): { start: string; end: string } {
  const today = chinaToday();
  const start = lastEnd ? addDays(lastEnd, 1) : placement.startDate;
  let end = today < placement.endDate ? today : placement.endDate;
  if (cadenceDays && spanDays(start, end) > 2 * cadenceDays) end = addDays(start, 2 * cadenceDays - 1);
  return { start, end: end < start ? start : end };
}

export function LogFormModal({ consortiumId, placement, lastEnd, cadenceDays, log, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitLog(consortiumId, placement.id);
  const edit = useEditLog(consortiumId);
  const [added, setAdded] = useState<File[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const period = log
    ? { start: log.periodStart, end: log.periodEnd }
    : defaultPeriod(placement, lastEnd, cadenceDays);
  const kept = (log?.files ?? []).filter((f) => !removed.includes(f.id));
  const room = MAX_LOG_FILES - kept.length - added.length;
  const start = Form.useWatch('periodStart', form);
  const end = Form.useWatch('periodEnd', form);
  const content = Form.useWatch('content', form) ?? '';
  const days = start && end && !end.isBefore(start) ? spanDays(iso(start), iso(end)) : null;
  const today = chinaToday();

  /** `order`: the file's place among those chosen together (they arrive one by one before a render) */
  function addFile(file: File, order: number) {
    if (!contentTypeOf(file.name, file.type)) {
      setFileError(t('sup.log.fileType', { name: file.name }));
      return;
    }
    if (file.size === 0 || file.size > MAX_LOG_FILE_BYTES) {
      setFileError(t('sup.log.fileSize', { name: file.name, size: formatSize(file.size) }));
      return;
    }
    if (kept.length + added.length + order >= MAX_LOG_FILES) {
      setFileError(t('sup.log.fileCount', { n: MAX_LOG_FILES }));
      return;
    }
    setFileError(null);
    setAdded((list) => (kept.length + list.length >= MAX_LOG_FILES ? list : [...list, file]));
  }

  async function encode(files: File[]): Promise<LogFileInput[]> {
    return Promise.all(
      files.map(async (f) => ({
        fileName: f.name,
        // checked when chosen
        contentType: contentTypeOf(f.name, f.type) as LogFileInput['contentType'],
        dataBase64: await readBase64(f),
      })),
    );
  }

  async function onFinish(v: Values) {
    if (!v.periodStart || !v.periodEnd) return;
    setOtherError(null);
    setBusy(true);
    try {
      const files = await encode(added);
      const body = {
        periodStart: iso(v.periodStart),
        periodEnd: iso(v.periodEnd),
        content: v.content.trim(),
      };
      if (log) {
        await edit.mutateAsync({
          logId: log.id,
          patch: {
            ...body,
            ...(files.length ? { addFiles: files } : {}),
            ...(removed.length ? { removeFileIds: removed } : {}),
          },
        });
        void message.success(log.status === 'returned' ? t('sup.log.resubmitted') : t('sup.log.saved'));
      } else {
        await submit.mutateAsync({ ...body, files });
        void message.success(t('sup.log.submitted'));
      }
      onClose();
    } catch (err) {
      const onFields = applySupFieldErrors(form, err, t, ['periodStart', 'periodEnd', 'content']);
      const fileIssues =
        err instanceof ApiError
          ? err.issues.filter((i) => /^body\.(files|addFiles|removeFileIds)/.test(i.path))
          : [];
      if (fileIssues.length) setFileError(fileIssues.map((i) => supIssueMessage(t, i)).join('；'));
      if (!onFields && !fileIssues.length) setOtherError(supErrorMessage(t, err, locale));
    } finally {
      setBusy(false);
    }
  }

  const title = !log
    ? t('sup.log.new')
    : log.status === 'returned'
      ? t('sup.log.resubmitTitle')
      : t('sup.log.editTitle');
  const disabledDate = (d: Dayjs) => {
    const s = iso(d);
    return s < placement.startDate || s > placement.endDate || s > today;
  };

  return (
    <Modal
      open
      title={title}
      width={720}
      onCancel={onClose}
      okText={
        !log ? t('sup.log.submit') : log.status === 'returned' ? t('sup.log.resubmit') : t('common.save')
      }
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
    >
      {log?.status === 'returned' && log.mentorNote ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('sup.log.returnedTitle')}
          description={log.mentorNote}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          periodStart: dayjs(period.start),
          periodEnd: dayjs(period.end),
          content: log?.content ?? '',
        }}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={() => setOtherError(null)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="periodStart"
              label={t('sup.log.periodStart')}
              rules={[{ required: true, message: t('rule.required') }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={disabledDate}
                aria-label={t('sup.log.periodStart')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="periodEnd"
              label={t('sup.log.periodEnd')}
              dependencies={['periodStart']}
              rules={[
                { required: true, message: t('rule.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const s = getFieldValue('periodStart') as Dayjs | null;
                    if (!value || !s || !value.isBefore(s, 'day')) return Promise.resolve();
                    return Promise.reject(new Error(t('sup.issue.END_BEFORE_START')));
                  },
                }),
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const s = getFieldValue('periodStart') as Dayjs | null;
                    if (!cadenceDays || !value || !s) return Promise.resolve();
                    const n = spanDays(iso(s), iso(value));
                    return n <= 2 * cadenceDays
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(
                            t('sup.issue.PERIOD_TOO_LONG', {
                              max: 2 * cadenceDays,
                              cadence: cadenceDays,
                              days: n,
                            }),
                          ),
                        );
                  },
                }),
              ]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={disabledDate}
                aria-label={t('sup.log.periodEnd')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {days !== null ? t('sup.log.periodDays', { n: days }) : null}
          {cadenceDays
            ? t(log ? 'sup.log.periodRuleEdit' : 'sup.log.periodRule', {
                cadence: cadenceDays,
                max: 2 * cadenceDays,
              })
            : t(log ? 'sup.log.periodRuleEditNoPlan' : 'sup.log.periodRuleNoPlan')}
        </Typography.Paragraph>
        <Form.Item
          name="content"
          label={t('sup.log.content')}
          extra={
            <Flex justify="space-between" gap={8}>
              <span>{t('sup.log.contentHelp', { min: LOG_MIN_CHARS, max: LOG_MAX_CHARS })}</span>
              <span data-testid="log-content-count" className="cj-mono">
                {t('sup.log.count', { n: content.trim().length, min: LOG_MIN_CHARS })}
              </span>
            </Flex>
          }
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            {
              validator: (_, v: string | undefined) =>
                !v || v.trim().length >= LOG_MIN_CHARS
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('sup.log.contentTooShort'))),
            },
          ]}
        >
          <Input.TextArea
            rows={8}
            maxLength={LOG_MAX_CHARS}
            placeholder={t('sup.log.contentPlaceholder')}
            data-testid="log-content-input"
          />
        </Form.Item>
        <Form.Item
          label={t('sup.log.files')}
          extra={t('sup.log.filesHelp', { n: MAX_LOG_FILES, size: formatSize(MAX_LOG_FILE_BYTES) })}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? undefined}
        >
          <Flex vertical gap={6}>
            {(log?.files ?? []).map((f) => {
              const gone = removed.includes(f.id);
              return (
                <Flex key={f.id} gap={8} align="center">
                  <PaperClipOutlined />
                  <Typography.Text delete={gone}>
                    {f.fileName}（{formatSize(f.size)}）
                  </Typography.Text>
                  <Button
                    size="small"
                    type="link"
                    icon={gone ? <UndoOutlined /> : <DeleteOutlined />}
                    aria-label={
                      gone
                        ? t('sup.log.keepFile', { name: f.fileName })
                        : t('sup.log.removeFile', { name: f.fileName })
                    }
                    disabled={gone && room <= 0}
                    onClick={() => setRemoved((r) => (gone ? r.filter((id) => id !== f.id) : [...r, f.id]))}
                  >
                    {gone ? t('sup.log.keep') : t('common.remove')}
                  </Button>
                </Flex>
              );
            })}
            {added.map((f, i) => (
              <Flex key={`${f.name}-${i}`} gap={8} align="center" data-testid="log-added-file">
                <PaperClipOutlined />
                <Typography.Text>
                  {f.name}（{formatSize(f.size)}）
                </Typography.Text>
                <Button
                  size="small"
                  type="link"
                  icon={<DeleteOutlined />}
                  aria-label={t('sup.log.removeFile', { name: f.name })}
                  onClick={() => setAdded((list) => list.filter((_, j) => j !== i))}
                >
                  {t('common.remove')}
                </Button>
              </Flex>
            ))}
            <div data-testid="log-files-input">
              <Upload
                multiple
                accept={acceptedFiles}
                showUploadList={false}
                disabled={room <= 0}
                beforeUpload={(file, batch) => {
                  addFile(file, Math.max(0, batch.indexOf(file)));
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} disabled={room <= 0}>
                  {room > 0 ? t('sup.log.addFiles', { n: room }) : t('sup.log.noRoom', { n: MAX_LOG_FILES })}
                </Button>
              </Upload>
            </div>
          </Flex>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('sup.log.privacy')}
        </Typography.Paragraph>
        {otherError ? (
          <Alert
            type="error"
            showIcon
            title={otherError}
            style={{ marginTop: 12 }}
            data-testid="log-form-error"
          />
        ) : null}
      </Form>
    </Modal>
  );
}
