// /consortia: every consortium I may look at; platform administrators create new ones here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';
import { ConsortiaTable } from './ConsortiaTable';
import { CreateConsortiumModal } from './CreateConsortiumModal';

export default function ConsortiaPage() {
  const t = useT();
  const { can } = useAccess();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('nav.consortia')}
        subtitle={t('consortia.subtitle')}
        extra={
          can('consortium.create') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="consortium-create"
            >
              {t('consortia.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <ConsortiaTable />
      </Card>
      <CreateConsortiumModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
