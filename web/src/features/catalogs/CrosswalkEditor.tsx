// Platform admins edit a major's crosswalk: the GB/T 4754 codes of its 对应行业 and the 大典 codes of its
// 主要职业类别. Codes are checked by the server against the current catalogs.
import { App, Button, Flex, Form, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { CatalogEntryDetail } from '../../lib/types';

type Values = { industries: string[]; occupations: string[] };

export function CrosswalkEditor({ version, detail }: { version: string; detail: CatalogEntryDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    industries: detail.crosswalk.filter((c) => c.targetKind === 'industry').map((c) => c.targetCode),
    occupations: detail.crosswalk.filter((c) => c.targetKind === 'occupation').map((c) => c.targetCode),
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put(
        `/reference/crosswalk/${encodeURIComponent(version)}/${encodeURIComponent(detail.entry.code)}`,
        v,
      ),
    onSuccess: async () => {
      void message.success(t('catalogs.crosswalkSaved'));
      await qc.invalidateQueries({ queryKey: ['catalogs'] });
    },
    onError: (err) => void message.error(errorMessage(t, err, locale)),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      data-testid="crosswalk-editor"
    >
      <Form.Item name="industries" label={t('catalogs.industryCodes')} extra={t('catalogs.codesHelp')}>
        <Select mode="tags" tokenSeparators={[',', ' ', ';', '；', '，']} open={false} />
      </Form.Item>
      <Form.Item name="occupations" label={t('catalogs.occupationCodes')} extra={t('catalogs.codesHelp')}>
        <Select mode="tags" tokenSeparators={[',', ' ', ';', '；', '，']} open={false} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('catalogs.saveCrosswalk')}
        </Button>
      </Flex>
    </Form>
  );
}
